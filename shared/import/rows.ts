/**
 * Row validation for the four import files. Pure: a row comes in as "cell of field", a typed row or
 * the list of what is wrong with it comes out. Checks that need the database (does the customer of
 * a holding exist? does an ID number belong to somebody else?) are done by the importer.
 */
export {
  reportValue,
  type FieldGetter,
  type FieldProblem,
  type RowResult,
  type RowRules,
} from './row-common';
export * from './row-vocab';
export { validateCustomerRow, type CustomerInput } from './customer-row';
export { validateHoldingRow, type HoldingInput, type HoldingRules } from './holding-row';
export { validateProductRow, type ProductInput } from './product-row';
export { validateRiskRow, type RiskInput } from './risk-row';
