/**
 * JSON as the emulator handles it. Requests arrive validated against the model (types, required
 * members, enums), so each operation reads them through a narrow interface of the members it
 * interprets; the rest (connector properties, tasks) is carried as JsonObject and returned as it
 * came.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

/** A request body after binding and model validation, before an operation reads it. */
export type ValidatedInput = Record<string, unknown>;

/** The object without its undefined members (AWS omits absent members). */
export const omitUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
