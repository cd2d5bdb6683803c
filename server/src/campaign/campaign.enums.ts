import { registerEnumType } from 'type-graphql';

export enum ModelField {
  ECONOMY = 'ECONOMY',
  CULTURE_SOCIETY = 'CULTURE_SOCIETY',
  DEFENCE_SECURITY = 'DEFENCE_SECURITY',
  PARTY_GOVERNMENT_BUILDING = 'PARTY_GOVERNMENT_BUILDING',
}

export enum TargetProgramme {
  NEW_RURAL = 'NEW_RURAL',
  POVERTY_REDUCTION = 'POVERTY_REDUCTION',
  ETHNIC_MOUNTAINOUS = 'ETHNIC_MOUNTAINOUS',
}

export enum Beneficiary {
  POOR_HOUSEHOLDS = 'POOR_HOUSEHOLDS',
  STRUGGLING_HOUSEHOLDS = 'STRUGGLING_HOUSEHOLDS',
  ORPHANS = 'ORPHANS',
  POOR_STUDENTS = 'POOR_STUDENTS',
  ETHNIC_MINORITY_HOUSEHOLDS = 'ETHNIC_MINORITY_HOUSEHOLDS',
  ELDERLY = 'ELDERLY',
  POLICY_FAMILIES = 'POLICY_FAMILIES',
  PEOPLE_WITH_DISABILITIES = 'PEOPLE_WITH_DISABILITIES',
  RESIDENTS = 'RESIDENTS',
}

export enum WorkKind {
  ROAD = 'ROAD',
  LIGHTED_ROAD = 'LIGHTED_ROAD',
  HOUSE = 'HOUSE',
  COMMUNITY_HOUSE = 'COMMUNITY_HOUSE',
  SCHOLARSHIP = 'SCHOLARSHIP',
  LIVELIHOOD_SUPPORT = 'LIVELIHOOD_SUPPORT',
  GIFT = 'GIFT',
  LAND_DONATION = 'LAND_DONATION',
  OTHER = 'OTHER',
}

export enum WorkMeasure {
  METRE = 'METRE',
  SQUARE_METRE = 'SQUARE_METRE',
  HOUSE = 'HOUSE',
  WORK = 'WORK',
  SCHOLARSHIP = 'SCHOLARSHIP',
  HOUSEHOLD = 'HOUSEHOLD',
  PERSON = 'PERSON',
  GIFT = 'GIFT',
  LAMP = 'LAMP',
}

export enum CommendationIssuer {
  DISTRICT_PEOPLES_COMMITTEE = 'DISTRICT_PEOPLES_COMMITTEE',
  PROVINCIAL_PEOPLES_COMMITTEE = 'PROVINCIAL_PEOPLES_COMMITTEE',
}

export enum RecipientKind {
  COLLECTIVE = 'COLLECTIVE',
  INDIVIDUAL = 'INDIVIDUAL',
}

registerEnumType(ModelField, {
  name: 'ModelField',
  description: 'The field (lĩnh vực) a "Dân vận khéo" model works in.',
  valuesConfig: {
    ECONOMY: { description: 'Economy (kinh tế): livelihoods, production, infrastructure.' },
    CULTURE_SOCIETY: { description: 'Culture and society (văn hóa - xã hội): social welfare, education, health.' },
    DEFENCE_SECURITY: { description: 'Defence and security (quốc phòng - an ninh).' },
    PARTY_GOVERNMENT_BUILDING: {
      description: 'Building the Party, the government and the political system (xây dựng Đảng, chính quyền).',
    },
  },
});

registerEnumType(TargetProgramme, {
  name: 'TargetProgramme',
  description: 'National target programme (Chương trình mục tiêu quốc gia) a model serves.',
  valuesConfig: {
    NEW_RURAL: { description: 'New rural development (xây dựng nông thôn mới).' },
    POVERTY_REDUCTION: { description: 'Sustainable poverty reduction (giảm nghèo bền vững).' },
    ETHNIC_MOUNTAINOUS: {
      description: 'Socio-economic development of ethnic-minority and mountainous areas 2021-2025.',
    },
  },
});

registerEnumType(Beneficiary, {
  name: 'Beneficiary',
  description: 'Who a model is for (đối tượng thụ hưởng).',
  valuesConfig: {
    POOR_HOUSEHOLDS: { description: 'Poor households (hộ nghèo).' },
    STRUGGLING_HOUSEHOLDS: { description: 'Near-poor and struggling households (hộ cận nghèo, hộ khó khăn).' },
    ORPHANS: { description: 'Orphaned children (trẻ em mồ côi).' },
    POOR_STUDENTS: { description: 'Poor students who overcome hardship (học sinh nghèo vượt khó).' },
    ETHNIC_MINORITY_HOUSEHOLDS: { description: 'Ethnic-minority households (hộ đồng bào dân tộc thiểu số).' },
    ELDERLY: { description: 'Elderly people (người cao tuổi).' },
    POLICY_FAMILIES: { description: 'Families of war invalids and martyrs (gia đình chính sách).' },
    PEOPLE_WITH_DISABILITIES: { description: 'People with disabilities (người khuyết tật).' },
    RESIDENTS: { description: 'All residents of the area (Nhân dân trên địa bàn).' },
  },
});

registerEnumType(WorkKind, {
  name: 'WorkKind',
  description: 'Kind of concrete work (phần việc) done by a model.',
  valuesConfig: {
    ROAD: { description: 'Rural road built or repaired (đường giao thông).' },
    LIGHTED_ROAD: { description: '"Sáng - xanh - sạch - đẹp - an toàn" road.' },
    HOUSE: { description: 'House built or repaired for a household (nhà đại đoàn kết, nhà tình thương).' },
    COMMUNITY_HOUSE: { description: 'Community house built or repaired (nhà sinh hoạt cộng đồng).' },
    SCHOLARSHIP: { description: 'Scholarship for a student (học bổng).' },
    LIVELIHOOD_SUPPORT: { description: 'Livelihood support: seedlings, livestock, tools (hỗ trợ sinh kế).' },
    GIFT: { description: 'Gifts to households in need (quà).' },
    LAND_DONATION: { description: 'Land donated by people for public works (hiến đất).' },
    OTHER: { description: 'Any other work.' },
  },
});

registerEnumType(WorkMeasure, {
  name: 'WorkMeasure',
  description: 'Unit of measure of a work quantity.',
  valuesConfig: {
    METRE: { description: 'Metres (m), such as of road.' },
    SQUARE_METRE: { description: 'Square metres (m²), such as of donated land.' },
    HOUSE: { description: 'Houses (căn nhà).' },
    WORK: { description: 'Works or structures (công trình).' },
    SCHOLARSHIP: { description: 'Scholarships (suất học bổng).' },
    HOUSEHOLD: { description: 'Households (hộ).' },
    PERSON: { description: 'People (người).' },
    GIFT: { description: 'Gift parcels (suất quà).' },
    LAMP: { description: 'Street lamps (bóng đèn).' },
  },
});

registerEnumType(CommendationIssuer, {
  name: 'CommendationIssuer',
  description: 'Who issued a commendation (khen thưởng).',
  valuesConfig: {
    DISTRICT_PEOPLES_COMMITTEE: { description: "District People's Committee (UBND huyện)." },
    PROVINCIAL_PEOPLES_COMMITTEE: { description: "Provincial People's Committee (UBND tỉnh)." },
  },
});

registerEnumType(RecipientKind, {
  name: 'RecipientKind',
  description: 'Whether a commendation goes to a collective or to an individual.',
  valuesConfig: {
    COLLECTIVE: { description: 'A collective (tập thể): a unit.' },
    INDIVIDUAL: { description: 'An individual (cá nhân), by name.' },
  },
});
