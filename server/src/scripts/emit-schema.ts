import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { createSchema, printContract } from '../schema.js';

const file = path.join(projectRoot, 'schema/schema.graphql');
writeFileSync(file, printContract(await createSchema()));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
