import type { ApiMethod } from './contract';

/**
 * Every API method, once. The `satisfies` clause fails to compile when the contract gains a method that is
 * not listed here, so the dispatcher can never expose more (or less) than the contract.
 */
const METHOD_TABLE = {
  listClients: true,
  recentClients: true,
  getClient: true,
  createClient: true,
  updateClient: true,
  deleteClient: true,
  activeSession: true,
  startSession: true,
  updateContract: true,
  contractCheckIn: true,
  timer: true,
  markAsked: true,
  setReflection: true,
  endSession: true,
  getSessionBundle: true,
  clientHistory: true,
  addItem: true,
  updateItem: true,
  deleteItem: true,
  restoreItem: true,
  openCommitments: true,
  reviewCommitment: true,
  dueBetween: true,
  listQuestions: true,
  addQuestion: true,
  updateQuestion: true,
  deleteQuestion: true,
  setQuestionPref: true,
  search: true,
  getDraft: true,
  setDraft: true,
  exportBackup: true,
  exportClient: true,
  previewBackup: true,
  importBackup: true,
  storageHealth: true,
} as const satisfies Record<ApiMethod, true>;

export const API_METHODS = Object.keys(METHOD_TABLE) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(METHOD_TABLE, name);
}
