import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { NoSchemaIntrospectionCustomRule, parse, type DocumentNode, type ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GuardRailLimits } from '../config.js';

const armorConfig = (limits: GuardRailLimits) => ({
  maxDepth: {
    n: limits.maxDepth,
    ignoreIntrospection: true,
    flattenFragments: true,
  },
  maxAliases: { n: limits.maxAliases },
  maxTokens: { n: limits.maxTokens },
  costLimit: { maxCost: limits.maxCost },
  maxDirectives: { n: limits.maxDirectives },
  blockFieldSuggestion: { enabled: true },
});

/** Apollo (HTTP): the armor plugins (token limit, no field suggestions) and validation rules. */
export function httpGuardRails(limits: GuardRailLimits, production: boolean) {
  const { plugins, validationRules } = new ApolloArmor(armorConfig(limits)).protect();
  return {
    plugins: plugins as ApolloServerPlugin[],
    validationRules: [...validationRules, ...(production ? [NoSchemaIntrospectionCustomRule] : [])],
  };
}

/** graphql-ws: the same limits, applied while parsing and validating each subscribe message. */
export function socketGuardRails(limits: GuardRailLimits, production: boolean) {
  const config = armorConfig(limits);
  const rules: ValidationRule[] = [
    costLimitRule(config.costLimit),
    maxAliasesRule(config.maxAliases),
    maxDirectivesRule(config.maxDirectives),
    maxDepthRule(config.maxDepth),
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  return {
    rules,
    parse: (source: string): DocumentNode => parse(source, { maxTokens: limits.maxTokens }),
  };
}
