// better-sqlite3 ships no types and @types/better-sqlite3 is not installed: the part the persistence uses.
declare module 'better-sqlite3' {
  interface Statement<Params extends unknown[], Row> {
    get(...params: Params): Row | undefined;
    run(...params: Params): unknown;
  }
  class Database {
    constructor(filename: string);
    pragma(source: string): unknown;
    exec(source: string): this;
    prepare<Params extends unknown[] = unknown[], Row = unknown>(source: string): Statement<Params, Row>;
    close(): this;
  }
  export default Database;
}
