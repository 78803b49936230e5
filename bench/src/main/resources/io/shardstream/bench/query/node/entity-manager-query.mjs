// Entity Manager's own cross-shard query, the reference side of
// `shardstream bench query --vs entity-manager`. Started by
// io.shardstream.bench.query.EntityManagerQueryProcess from the folder holding the pinned
// node_modules; answers one JSON line on stdout per JSON line on stdin:
//   in:  {"search": "name", "prefix": "smi", "from": 0, "to": 1, "limit": 25, "pageKeyMap": null}
//        {"search": "created", "from": 0, "to": 1, "limit": 25, "pageKeyMap": "..."}
//   out: {"ms": 12.3, "ids": ["u1", ...], "pageKeyMap": "...", "queries": 42, "scanned": 900}
// Usage: node entity-manager-query.mjs --config em.json --endpoint URL --table T --region R
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';
import { getDocumentQueryArgs } from '@karmaniverous/entity-client-dynamodb';
import { EntityManager } from '@karmaniverous/entity-manager';

const { values: args } = parseArgs({
  options: {
    config: { type: 'string' },
    endpoint: { type: 'string' },
    table: { type: 'string' },
    region: { type: 'string', default: 'us-east-1' },
    'access-key-id': { type: 'string', default: 'local' },
    'secret-access-key': { type: 'string', default: 'local' },
  },
});
for (const required of ['config', 'endpoint', 'table']) {
  if (!args[required]) throw new Error(`--${required} is required`);
}

const config = JSON.parse(readFileSync(args.config, 'utf8'));
const silent = { debug() {}, error() {} };
const entityManager = new EntityManager(config, silent);
const doc = DynamoDBDocument.from(
  new DynamoDBClient({
    endpoint: args.endpoint,
    region: args.region,
    credentials: {
      accessKeyId: args['access-key-id'],
      secretAccessKey: args['secret-access-key'],
    },
  }),
);
const { generatedValueDelimiter: valueDelimiter, hashKey: hashKeyToken } = entityManager.config;

/**
 * The indexParamsMap entity-client-dynamodb's QueryBuilder would build, with typed values: its
 * addRangeKeyCondition (0.2.10) sends between/comparison values as strings, which a numeric range
 * key (created) rejects, so the conditions are written here the same way with numbers kept.
 */
function indexParams(request) {
  if (request.search === 'name') {
    const byIndex = {};
    for (const [index, rangeKey, property] of [
      ['firstName', 'firstNameRangeKey', 'firstNameCanonical'],
      ['lastName', 'lastNameRangeKey', 'lastNameCanonical'],
    ]) {
      byIndex[index] = {
        expressionAttributeNames: { '#rangeKey': rangeKey },
        expressionAttributeValues: { ':prefix': `${property}${valueDelimiter}${request.prefix}` },
        filterConditions: [],
        rangeKeyCondition: 'begins_with(#rangeKey, :prefix)',
        scanIndexForward: true,
      };
    }
    return byIndex;
  }
  return {
    created: {
      expressionAttributeNames: { '#rangeKey': 'created' },
      expressionAttributeValues: { ':from': request.from, ':to': request.to },
      filterConditions: [],
      rangeKeyCondition: '#rangeKey BETWEEN :from AND :to',
      scanIndexForward: true,
    },
  };
}

const SORT = {
  name: [
    { property: 'lastNameCanonical' },
    { property: 'firstNameCanonical' },
    { property: 'created' },
    { property: 'userId' },
  ],
  created: [{ property: 'created' }, { property: 'userId' }],
};

async function page(request) {
  const indexParamsMap = indexParams(request);
  let queries = 0;
  let scanned = 0;
  const shardQueryMap = {};
  for (const indexToken of Object.keys(indexParamsMap)) {
    // One Query per index × hash key: Limit = page size, ExclusiveStartKey = page key.
    shardQueryMap[indexToken] = async (hashKey, pageKey, pageSize) => {
      const response = await doc.query(
        getDocumentQueryArgs({
          indexParamsMap,
          indexToken,
          hashKeyToken,
          hashKey,
          pageKey,
          pageSize,
          tableName: args.table,
        }),
      );
      queries++;
      scanned += response.ScannedCount ?? 0;
      return {
        count: response.Count ?? 0,
        items: response.Items ?? [],
        pageKey: response.LastEvaluatedKey,
      };
    };
  }
  const start = process.hrtime.bigint();
  const result = await entityManager.query({
    entityToken: 'user',
    item: {},
    limit: request.limit,
    pageSize: request.limit,
    pageKeyMap: request.pageKeyMap ?? undefined,
    shardQueryMap,
    sortOrder: SORT[request.search],
    timestampFrom: request.from,
    timestampTo: request.to,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return {
    ms,
    ids: result.items.map((item) => item.userId),
    pageKeyMap: result.pageKeyMap,
    queries,
    scanned,
  };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  let answer;
  try {
    answer = await page(JSON.parse(line));
  } catch (error) {
    answer = { error: String(error?.stack ?? error) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
