import { registerEnumType } from 'type-graphql';

export enum Role {
  CITIZEN = 'CITIZEN',
  OFFICER = 'OFFICER',
  MONITOR = 'MONITOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What an account may do.',
  valuesConfig: {
    CITIZEN: {
      description: 'A member of the public (người dân): posts feedback and follows the answers.',
    },
    OFFICER: {
      description: 'An officer (cán bộ) of one responsible unit: answers what is routed to the unit.',
    },
    MONITOR: {
      description:
        'Fatherland Front or mass-organization staff: reads everything, writes nothing in threads of other units.',
    },
    ADMIN: {
      description: 'System administrator: units, categories, routing, campaigns and accounts.',
    },
  },
});
