/**
 * The catalogue's editorial use cases: propose a solution, edit it, move it through the workflow, mark it
 * « vérifié », add and remove screenshots. Each checks the workflow's rules, writes in one transaction with
 * the solution's history and its search index, and leaves a line in the audit log.
 */
import { randomUUID } from 'node:crypto';
import { can } from '../accounts/index.js';
import { audited, type CatalogueDeps, historyLabelOf, labelOf, type Who } from './catalogue.deps.js';
import {
  type Screenshot,
  type Solution,
  type SolutionContent,
  solutionIdFrom,
  solutionScope,
} from './catalogue.domain.js';
import type { CatalogueRepository } from './catalogue.repository.js';
import {
  editKeepsVerification,
  mayEdit,
  mayTransition,
  mayVerify,
  TRANSITIONS,
  type Transition,
} from './catalogue.workflow.js';
import { indexSolutions } from './search/text-index.js';
import { announceTransition } from './workflow-mails.js';

export type EditorialError = 'introuvable' | 'interdit' | 'etat' | 'motif';

/** Field errors the content's references may raise (lauréats unknown, maintainers without a name). */
export type ContentErrors = Partial<Record<'laureats' | 'mainteneurs', string>>;

/** Image types accepted as screenshots, by their first bytes (the declared type is not trusted). */
const IMAGE_TYPES: Array<{ type: string; ext: string; magic: number[] }> = [
  { type: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { type: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/webp', ext: 'webp', magic: [0x52, 0x49, 0x46, 0x46] },
];
export const MAX_SCREENSHOT_BYTES = 2 * 1024 * 1024;
export const MAX_SCREENSHOTS = 8;

export function createCatalogueService(deps: CatalogueDeps) {
  const { repo, clock } = deps;
  const now = () => clock.now().toISOString();

  /** Checks what the content refers to; fills maintainers' names from the organisations' register. */
  async function checkReferences(content: SolutionContent): Promise<ContentErrors> {
    const errors: ContentErrors = {};
    const unknown: string[] = [];
    for (const id of content.laureatIds) if (!(await deps.laureat(id))) unknown.push(id);
    if (unknown.length > 0) {
      errors.laureats = `Aucun lauréat ne porte ${unknown.length > 1 ? 'les identifiants' : 'l’identifiant'} ${unknown
        .slice(0, 5)
        .map((id) => `« ${id} »`)
        .join(', ')} : copiez-le depuis l’adresse de sa page (/laureats/…).`;
    }
    for (const m of content.maintainers) {
      const official = await deps.ensureOrganisation(m.siren, m.name);
      if (official) m.name = official;
      else if (!m.name) {
        errors.mainteneurs = `Le SIREN ${m.siren} n’est pas connu de la plateforme : ajoutez le nom de l’organisation après un point-virgule, par exemple « ${m.siren} ; Syndicat mixte du numérique ».`;
      }
    }
    return errors;
  }

  /** Runs a write, reindexes the solution in the same transaction, then tells the listeners. */
  async function write<T>(id: string, work: (r: CatalogueRepository) => Promise<T>): Promise<T> {
    const result = await repo.transaction(async (r) => {
      const out = await work(r);
      await indexSolutions(r.db, deps.dialect, [id]);
      return out;
    });
    deps.changed();
    await deps.indexForSite([id]);
    return result;
  }

  async function load(id: string) {
    return id.length > 100 ? null : repo.solution(id);
  }

  return {
    solution: load,
    history: (id: string) => repo.history(id),

    /**
     * An agent proposes a solution: it starts as their draft. With `optin`, they agree to receive the
     * messages sent to its team once they are its référent (at publication).
     *
     * @example
     * const r = await service.propose(who, content, { optin: true }); // { ok: true, id: 'salle-sur-demande' }
     */
    async propose(who: Who, content: SolutionContent, options: { optin: boolean }) {
      if (!can(who.actor, 'catalogue:propose')) return { ok: false as const, error: 'interdit' as const };
      const errors = await checkReferences(content);
      if (Object.keys(errors).length > 0) return { ok: false as const, error: 'contenu' as const, errors };
      const at = now();
      const base = solutionIdFrom(content.name, new Set());
      const id = solutionIdFrom(content.name, await repo.solutionIdsLike(base));
      const solution: Solution = {
        ...content,
        id,
        status: 'brouillon',
        verified: false,
        verifiedAt: null,
        verifiedBy: null,
        authorId: who.actor.person.id,
        authorSiren: who.actor.person.organisationSiren,
        refusalReason: null,
        demonstration: false,
        screenshots: [],
        createdAt: at,
        updatedAt: at,
        submittedAt: null,
        publishedAt: null,
        archivedAt: null,
      };
      await write(id, async (r) => {
        await r.insertSolution(solution);
        await r.addHistory({
          solutionId: id,
          at,
          actorId: who.actor.person.id,
          actorLabel: historyLabelOf(who),
          action: 'creation',
          fromStatus: null,
          toStatus: 'brouillon',
          reason: null,
        });
        if (options.optin) await r.setOptin(who.actor.person.id, solutionScope(id), true, at);
      });
      await audited(deps, who, 'catalogue:proposition', 'solution', id, { nom: content.name });
      return { ok: true as const, id };
    },

    /** Replaces the content; an edit by anyone but a reviewer takes the « vérifié » mark back. */
    async update(who: Who, id: string, content: SolutionContent) {
      const current = await load(id);
      if (!current) return { ok: false as const, error: 'introuvable' as const };
      if (!mayEdit(who.actor, current)) return { ok: false as const, error: 'interdit' as const };
      const errors = await checkReferences(content);
      if (Object.keys(errors).length > 0) return { ok: false as const, error: 'contenu' as const, errors };
      const at = now();
      const keep = editKeepsVerification(who.actor);
      await write(id, async (r) => {
        await r.replaceContent(id, content, at, keep);
        await r.addHistory({
          solutionId: id,
          at,
          actorId: who.actor.person.id,
          actorLabel: historyLabelOf(who),
          action: 'modification',
          fromStatus: current.status,
          toStatus: current.status,
          reason: current.verified && !keep ? 'Mention « vérifié » retirée : le contenu a changé.' : null,
        });
      });
      await audited(deps, who, 'catalogue:modification', 'solution', id, {
        verificationRetiree: current.verified && !keep,
      });
      return { ok: true as const };
    },

    /**
     * Moves a solution through the workflow (see catalogue.workflow.ts); a refusal or an archive needs a
     * reason, kept in the history and shown to the author. On publication, the author becomes the solution's
     * référent (so they can keep it up to date and receive its messages).
     *
     * @example
     * await service.transition(reviewer, 'salle-sur-demande', 'refuser', 'Le lien du code source ne répond pas.');
     */
    async transition(who: Who, id: string, transition: Transition, reason: string | null) {
      const current = await load(id);
      if (!current) return { ok: false as const, error: 'introuvable' as const };
      const rule = TRANSITIONS[transition];
      if (!(rule.from as readonly string[]).includes(current.status))
        return { ok: false as const, error: 'etat' as const };
      if (!mayTransition(who.actor, transition, current))
        return { ok: false as const, error: 'interdit' as const };
      if (rule.needsReason && !reason?.trim()) return { ok: false as const, error: 'motif' as const };
      const at = now();
      const moved = await write(id, async (r) => {
        // Only from the status read above: a step taken meanwhile (a double click, another reviewer) wins.
        const done = await r.setStatus(id, [current.status], rule.to, at, {
          refusalReason: transition === 'refuser' ? reason : transition === 'soumettre' ? null : undefined,
        });
        if (!done) return false;
        await r.addHistory({
          solutionId: id,
          at,
          actorId: who.actor.person.id,
          actorLabel: historyLabelOf(who),
          action: transition,
          fromStatus: current.status,
          toStatus: rule.to,
          reason: reason?.trim() || null,
        });
        await announceTransition(r, deps, {
          transition,
          solution: current,
          actorId: who.actor.person.id,
          actorLabel: historyLabelOf(who),
          reason: reason?.trim() || null,
        });
        return true;
      });
      if (!moved) return { ok: false as const, error: 'etat' as const };
      await audited(deps, who, `catalogue:${transition}`, 'solution', id, {
        de: current.status,
        vers: rule.to,
        ...(reason ? { motif: reason } : {}),
      });
      if (transition === 'publier' && current.authorId && deps.grantReferent) {
        const author = await authorEmail(repo, current.authorId);
        if (author) {
          await deps.grantReferent(author, solutionScope(id));
          await audited(deps, who, 'catalogue:referent-auteur', 'solution', id, {
            personne: current.authorId,
          });
        }
      }
      return { ok: true as const, status: rule.to };
    },

    /** A reviewer marks a published solution's claims as checked (« vérifié ») or takes the mark back. */
    async verify(who: Who, id: string, verified: boolean) {
      const current = await load(id);
      if (!current) return { ok: false as const, error: 'introuvable' as const };
      if (!mayVerify(who.actor, current)) return { ok: false as const, error: 'interdit' as const };
      const at = now();
      await write(id, async (r) => {
        await r.setVerified(id, verified, at, verified ? labelOf(who) : null);
        await r.addHistory({
          solutionId: id,
          at,
          actorId: who.actor.person.id,
          actorLabel: historyLabelOf(who),
          action: verified ? 'verification' : 'verification-retiree',
          fromStatus: current.status,
          toStatus: current.status,
          reason: null,
        });
      });
      await audited(
        deps,
        who,
        verified ? 'catalogue:verification' : 'catalogue:verification-retiree',
        'solution',
        id,
      );
      return { ok: true as const };
    },

    /**
     * Adds a screenshot: PNG, JPEG or WebP (read from its bytes), 2 Mo at most, with its alternative text.
     *
     * @example
     * await service.addScreenshot(who, id, { bytes, altText: 'Le calendrier des salles, vue de la semaine' });
     */
    async addScreenshot(who: Who, id: string, input: { bytes: Uint8Array; altText: string }) {
      const current = await load(id);
      if (!current) return { ok: false as const, error: 'introuvable' as const };
      if (!mayEdit(who.actor, current)) return { ok: false as const, error: 'interdit' as const };
      const errors: Record<string, string> = {};
      const kind = IMAGE_TYPES.find((t) => t.magic.every((b, i) => input.bytes[i] === b));
      if (input.bytes.length === 0) errors.capture = 'Choisissez une image.';
      else if (input.bytes.length > MAX_SCREENSHOT_BYTES)
        errors.capture = 'L’image dépasse 2 Mo : réduisez-la.';
      else if (!kind) errors.capture = 'Envoyez une image PNG, JPEG ou WebP.';
      else if (current.screenshots.length >= MAX_SCREENSHOTS)
        errors.capture = `Une solution a ${MAX_SCREENSHOTS} captures au plus : retirez-en une d’abord.`;
      const alt = input.altText.trim();
      if (!alt)
        errors.alternative = 'Décrivez ce que montre l’image : ce texte la remplace pour qui ne la voit pas.';
      else if (alt.length > 300) errors.alternative = 'Le texte alternatif : 300 caractères au plus.';
      if (Object.keys(errors).length > 0 || !kind)
        return { ok: false as const, error: 'contenu' as const, errors };
      const shot: Screenshot = {
        id: randomUUID(),
        storageKey: '',
        contentType: kind.type,
        altText: alt,
        position: current.screenshots.length + 1,
      };
      shot.storageKey = `catalogue/${id}/${shot.id}.${kind.ext}`;
      await deps.storage.put(shot.storageKey, Buffer.from(input.bytes));
      await write(id, (r) => r.addScreenshot(id, shot, now()));
      await audited(deps, who, 'catalogue:capture-ajoutee', 'solution', id, { capture: shot.id });
      return { ok: true as const, screenshot: shot };
    },

    async removeScreenshot(who: Who, id: string, screenshotId: string) {
      const current = await load(id);
      if (!current) return { ok: false as const, error: 'introuvable' as const };
      if (!mayEdit(who.actor, current)) return { ok: false as const, error: 'interdit' as const };
      const removed = await write(id, (r) => r.removeScreenshot(id, screenshotId.slice(0, 100)));
      if (!removed) return { ok: false as const, error: 'introuvable' as const };
      await deps.storage.delete(removed.storageKey);
      await audited(deps, who, 'catalogue:capture-retiree', 'solution', id, { capture: screenshotId });
      return { ok: true as const };
    },
  };
}

/** The author's e-mail (read from the accounts module's people, read only). */
async function authorEmail(repo: CatalogueRepository, personId: string): Promise<string | null> {
  const row = await repo.db
    .selectFrom('person')
    .select('email')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.email ?? null;
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
