import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { NoSchemaIntrospectionCustomRule, parse, type DocumentNode, type ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GuardRailLimits } from '../config.js';
import { BadRequestError } from './errors.js';

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

/** Subscriptions are served over WebSocket only; over HTTP they are a client error, not a crash. */
const noSubscriptionsOverHttp: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new BadRequestError('Subscriptions are served over WebSocket (graphql-ws) at /graphql, not over HTTP.');
        }
      },
    };
  },
};

/**
 * Apollo (HTTP): the armor plugins (no field suggestions), validation rules and parse options.
 * The token limit goes to Apollo's own parser (`parseOptions`) rather than the armor plugin,
 * whose rejection Apollo answered with HTTP 500: a parse failure is GRAPHQL_PARSE_FAILED, 400.
 */
export function httpGuardRails(limits: GuardRailLimits, production: boolean) {
  const { plugins, validationRules } = new ApolloArmor({
    ...armorConfig(limits),
    maxTokens: { enabled: false },
  }).protect();
  return {
    plugins: [...(plugins as ApolloServerPlugin[]), noSubscriptionsOverHttp],
    validationRules: [...validationRules, ...(production ? [NoSchemaIntrospectionCustomRule] : [])],
    parseOptions: { maxTokens: limits.maxTokens },
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
