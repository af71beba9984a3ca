import { types } from 'pg';

// How the hub reads PostgreSQL's values, for the ORM and for any plain client (scripts, tests) alike.
// A Postgres `date` is a calendar day: keep it as the 'YYYY-MM-DD' text instead of a local-midnight Date.
types.setTypeParser(1082, (value: string) => value);
// Counts and sums come back as bigint text; our figures fit in a JS number.
types.setTypeParser(20, (value: string) => Number(value));
