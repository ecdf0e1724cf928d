/**
 * Set up before every file of the api and system projects (vitest.config.ts): the file holds the shared test database
 * for as long as it runs, shared or, when it declared `writesToDatabase()`, alone (tests/support/db.ts).
 */
import { afterAll, beforeAll } from 'vitest';
import { holdDatabase, releaseDatabase } from './db.js';

beforeAll(holdDatabase);
afterAll(releaseDatabase);
