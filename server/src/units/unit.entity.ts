import { OptionalProps, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum UnitLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  VILLAGE = 'VILLAGE',
}

export enum UnitKind {
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  GOVERNMENT = 'GOVERNMENT',
  DEPARTMENT = 'DEPARTMENT',
  FRONT = 'FRONT',
  MASS_ORGANIZATION = 'MASS_ORGANIZATION',
  ARMED_FORCES = 'ARMED_FORCES',
}

registerEnumType(UnitLevel, {
  name: 'UnitLevel',
  description: 'Administrative level of a unit.',
  valuesConfig: {
    PROVINCE: { description: 'Province or centrally-run city (tỉnh, thành phố trực thuộc trung ương).' },
    DISTRICT: {
      description: 'District (huyện, quận, thị xã): dissolved on 1 July 2025, kept for the history of older units.',
    },
    COMMUNE: {
      description: 'Commune, ward or special zone (xã, phường, đặc khu); before July 2025 also the town (thị trấn).',
    },
    VILLAGE: {
      description: 'Village or residential group (thôn, tổ dân phố, bản, ấp).',
    },
  },
});

registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: 'What kind of body a unit is.',
  valuesConfig: {
    PARTY_COMMITTEE: {
      description: 'Party committee or its commissions (Huyện ủy, Đảng ủy xã, Ban Dân vận).',
    },
    GOVERNMENT: {
      description: "People's Committee (UBND) or its reception point.",
    },
    DEPARTMENT: {
      description: "Specialised department of the People's Committee (phòng, ban).",
    },
    FRONT: { description: 'Vietnam Fatherland Front committee (Ủy ban MTTQ).' },
    MASS_ORGANIZATION: {
      description: "Mass organization: Women's Union, Youth Union, Farmers' Union, Veterans, Labour.",
    },
    ARMED_FORCES: {
      description: 'Police (Công an) or military command (Ban Chỉ huy Quân sự).',
    },
  },
});

@ObjectType({
  description: 'A body that receives and answers what people say: a node of the unit tree.',
})
@Entity({ tableName: 'units' })
export class Unit {
  [OptionalProps]?: 'createdAt' | 'isPlace' | 'placeName' | 'formerNames' | 'isCurrent' | 'successorId';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, {
    description: 'Short unique code, such as "LH.UBND" or "LH.NB.UBND".',
  })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String, {
    description: 'Full Vietnamese name, such as "UBND thị trấn Nam Ban".',
  })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => UnitLevel, { description: 'Administrative level.' })
  @Enum({ items: () => UnitLevel, type: 'string' })
  level!: UnitLevel;

  @Field(() => UnitKind, { description: 'Kind of body.' })
  @Enum({ items: () => UnitKind, type: 'string' })
  kind!: UnitKind;

  @Index()
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  parent?: Unit;

  @Field(() => ID, {
    nullable: true,
    description: 'The unit above this one in the tree; null for the root.',
  })
  get parentId(): string | null {
    return this.parent?.id ?? null;
  }

  @Field(() => Boolean, {
    description: 'Whether it stands for a place citizens post about: a commune or village People’s Committee.',
  })
  get isPlace(): boolean {
    return this.kind === UnitKind.GOVERNMENT && (this.level === UnitLevel.COMMUNE || this.level === UnitLevel.VILLAGE);
  }

  @Field(() => Date, {
    nullable: true,
    description: 'When the unit came into being; null when it existed before the records begin.',
  })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  validFrom?: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When a reorganisation ended the unit (it is read-only history since); null while it exists.',
  })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  validTo?: Date;

  /** The unit that took over when this one was merged away; set together with `validTo`. */
  @Index()
  @ManyToOne(() => Unit, { nullable: true, deleteRule: 'restrict' })
  successor?: Unit;

  @Field(() => ID, { nullable: true, description: 'The unit that took this one over; null while it exists.' })
  get successorId(): string | null {
    return this.successor?.id ?? null;
  }

  @Field(() => [String], { description: 'Names the unit had before it was renamed, oldest first.' })
  @Property({ type: 'text[]', defaultRaw: `'{}'` })
  formerNames: string[] = [];

  @Field(() => Boolean, { description: 'Whether the unit exists today (false: history kept for its records).' })
  get isCurrent(): boolean {
    return !this.validTo || this.validTo.getTime() > Date.now();
  }

  @Field(() => String, { description: 'The place name for places ("thị trấn Nam Ban"); the unit name otherwise.' })
  get placeName(): string {
    return this.isPlace ? this.name.replace(/^UBND\s+/, '') : this.name;
  }

  @Field(() => Float, { nullable: true, description: 'Latitude (WGS 84) of its seat or centre, for the map.' })
  @Property({ type: 'double', nullable: true })
  latitude?: number;

  @Field(() => Float, { nullable: true, description: 'Longitude (WGS 84) of its seat or centre, for the map.' })
  @Property({ type: 'double', nullable: true })
  longitude?: number;

  @Field(() => Date, { description: 'When the unit was created.' })
  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
