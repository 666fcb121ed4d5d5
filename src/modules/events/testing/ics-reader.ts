/**
 * A small, strict reader of iCalendar text (RFC 5545) for tests: unfolds lines, reads parameters and escaped
 * values, and builds the tree of components. It throws on what a calendar application would refuse (a bare
 * LF, an unbalanced BEGIN/END, a line without a colon), so that a test passing means the file parses.
 */

export interface IcsProperty {
  params: Record<string, string>;
  value: string;
}

export interface IcsComponent {
  name: string;
  props: Record<string, IcsProperty[]>;
  children: IcsComponent[];
}

/**
 * @example
 * const cal = parseIcs(text);
 * cal.children.filter((c) => c.name === 'VEVENT').length // the sessions
 */
export function parseIcs(text: string): IcsComponent {
  if (/[^\r]\n/.test(text)) throw new Error('iCalendar : fin de ligne sans CR');
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
  const stack: IcsComponent[] = [];
  let root: IcsComponent | null = null;
  for (const line of lines) {
    const colon = findColon(line);
    if (colon < 0) throw new Error(`iCalendar : ligne sans « : » : ${line}`);
    const [name = '', ...rawParams] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      const component: IcsComponent = { name: value, props: {}, children: [] };
      stack[stack.length - 1]?.children.push(component);
      stack.push(component);
      root ??= component;
    } else if (name === 'END') {
      const open = stack.pop();
      if (open?.name !== value) throw new Error(`iCalendar : END:${value} ferme ${open?.name ?? 'rien'}`);
    } else {
      const current = stack[stack.length - 1];
      if (!current) throw new Error(`iCalendar : propriété hors composant : ${line}`);
      const params = Object.fromEntries(rawParams.map((p) => p.split('=') as [string, string]));
      const key = name.toUpperCase();
      const list = current.props[key] ?? [];
      list.push({ params, value: unescapeText(value) });
      current.props[key] = list;
    }
  }
  if (!root || stack.length > 0) throw new Error('iCalendar : composants non refermés');
  return root;
}

/** The colon that ends the name and parameters (a quoted parameter value may hold one). */
function findColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  return -1;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
