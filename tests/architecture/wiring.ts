/**
 * "Entrypoints are wiring", checked on the syntax tree. An entrypoint file holds only:
 * - imports;
 * - `export default defineBackground(…)` / `defineContentScript(…)` (any WXT `define*` call);
 * - plain calls of imported functions (`mountApp(…)`);
 * - a dynamic import of a module beside it (`import('./app')`), which the bundler makes a chunk of its own.
 * No other top-level declaration (no helper function, constant, type or class), no loop, switch, try or
 * class anywhere, and no function with more than MAX_STATEMENTS statements or MAX_BRANCHES branches (`if`,
 * `?:`); nested functions are counted on their own. Logic that needs more belongs in lib/ or components/.
 */
import ts from 'typescript';

export const MAX_STATEMENTS = 10;
export const MAX_BRANCHES = 2;

const FORBIDDEN: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.ForStatement]: 'a loop',
  [ts.SyntaxKind.ForInStatement]: 'a loop',
  [ts.SyntaxKind.ForOfStatement]: 'a loop',
  [ts.SyntaxKind.WhileStatement]: 'a loop',
  [ts.SyntaxKind.DoStatement]: 'a loop',
  [ts.SyntaxKind.SwitchStatement]: 'a switch',
  [ts.SyntaxKind.TryStatement]: 'a try',
  [ts.SyntaxKind.ClassDeclaration]: 'a class',
  [ts.SyntaxKind.ClassExpression]: 'a class',
};

const isDefineCall = (e: ts.Expression) =>
  ts.isCallExpression(e) && ts.isIdentifier(e.expression) && /^define[A-Z]\w*$/.test(e.expression.text);

/** `VariableStatement`, not its alias `FirstStatement`. */
const kindName = (kind: ts.SyntaxKind) =>
  Object.entries(ts.SyntaxKind).find(([name, value]) => value === kind && !/^(First|Last)/.test(name))?.[0] ?? String(kind);

function importedNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (clause?.name) names.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.add(e.name.text);
  }
  return names;
}

const isSiblingModule = (arg: ts.Expression | undefined) => arg !== undefined && ts.isStringLiteral(arg) && /^\.\/[\w-]+$/.test(arg.text);

function allowedAtTop(statement: ts.Statement, imported: Set<string>): boolean {
  if (ts.isImportDeclaration(statement)) return true;
  if (ts.isExportAssignment(statement)) return !statement.isExportEquals && isDefineCall(statement.expression);
  if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return false;
  const callee = statement.expression.expression;
  // `import('./app')`: a module of the same entrypoint loaded as its own chunk (the side panel's app).
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return isSiblingModule(statement.expression.arguments[0]);
  return ts.isIdentifier(callee) && imported.has(callee.text);
}

/** Statements and branches inside a function body, nested blocks included, nested functions excluded. */
function measure(body: ts.Node): { statements: number; branches: number } {
  const size = { statements: 0, branches: 0 };
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isStatement(node) && !ts.isBlock(node)) size.statements++;
    if (ts.isIfStatement(node) || ts.isConditionalExpression(node)) size.branches++;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return size;
}

/** What makes `text` (the file `file`) more than wiring; empty when it is wiring only. */
export function wiringViolations(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const out: string[] = [];
  const imported = importedNames(source);
  for (const statement of source.statements) {
    if (!allowedAtTop(statement, imported)) out.push(`${file}:${line(statement)}: top-level ${kindName(statement.kind)}`);
  }
  const visit = (node: ts.Node) => {
    const forbidden = FORBIDDEN[node.kind];
    if (forbidden) out.push(`${file}:${line(node)}: ${forbidden}`);
    const body = ts.isFunctionLike(node) ? (node as ts.FunctionLikeDeclaration).body : undefined;
    if (body && ts.isBlock(body)) {
      const { statements, branches } = measure(body);
      if (statements > MAX_STATEMENTS)
        out.push(`${file}:${line(node)}: a function of ${statements} statements (at most ${MAX_STATEMENTS})`);
      if (branches > MAX_BRANCHES) out.push(`${file}:${line(node)}: a function with ${branches} branches (at most ${MAX_BRANCHES})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}
