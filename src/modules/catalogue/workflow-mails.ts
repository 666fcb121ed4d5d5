/**
 * The editorial workflow's e-mails, enqueued in the transaction of the step they announce: a solution submitted
 * for review is announced to the reviewers (opérateurs, administrateurs); a submission published or refused is
 * announced to its author, with the reason of a refusal. Nobody is told of their own step.
 */
import { renderMail } from '../../adapters/mail/index.js';
import type { CatalogueDeps } from './catalogue.deps.js';
import type { CatalogueRepository } from './catalogue.repository.js';
import type { Transition } from './catalogue.workflow.js';

export interface TransitionFacts {
  transition: Transition;
  solution: { id: string; name: string; authorId: string | null };
  actorId: string;
  actorLabel: string;
  reason: string | null;
}

const FOOTER =
  'Vous recevez ce message au sujet du catalogue de mutualisation de Numérique & Territoires, parce que vous y contribuez ou le relisez.';

/**
 * Enqueues the e-mails of a workflow step, with `r` (the step's transaction).
 *
 * @example
 * await announceTransition(r, deps, { transition: 'soumettre', solution, actorId, actorLabel, reason: null });
 */
export async function announceTransition(
  r: CatalogueRepository,
  deps: Pick<CatalogueDeps, 'outbox' | 'publicUrl'>,
  f: TransitionFacts,
): Promise<void> {
  const base = deps.publicUrl.replace(/\/$/, '');
  const page = `${base}/catalogue/solutions/${encodeURIComponent(f.solution.id)}`;
  const send = (to: { email: string }, kind: string, mail: ReturnType<typeof written>) =>
    // No dedupe key: the message commits with its step, once; a step taken twice is two facts.
    deps.outbox.enqueue(r.db, { kind, to: to.email, ...mail });

  if (f.transition === 'soumettre') {
    const mail = written(`[Catalogue] À relire : ${f.solution.name}`, {
      title: 'Une solution attend votre relecture',
      paragraphs: [
        'Bonjour,',
        `${f.actorLabel} soumet la solution « ${f.solution.name} » à la relecture.`,
        'Publiez-la, ou refusez-la en disant pourquoi : la personne qui l’a proposée en sera informée.',
      ],
      action: { label: 'Relire la solution', url: page },
      footer: FOOTER,
    });
    for (const reviewer of await r.moderators()) {
      if (reviewer.personId !== f.actorId) await send(reviewer, 'catalogue-a-relire', mail);
    }
    return;
  }
  if ((f.transition !== 'publier' && f.transition !== 'refuser') || !f.solution.authorId) return;
  if (f.solution.authorId === f.actorId) return;
  const author = await r.db
    .selectFrom('person')
    .select('email')
    .where('id', '=', f.solution.authorId)
    .executeTakeFirst();
  if (!author) return;
  const mail =
    f.transition === 'publier'
      ? written(`[Catalogue] Votre solution est publiée : ${f.solution.name}`, {
          title: 'Votre solution est publiée',
          paragraphs: [
            'Bonjour,',
            `La solution « ${f.solution.name} » que vous avez proposée est publiée dans le catalogue de mutualisation.`,
            'Vous en êtes désormais référent ou référente : vous pouvez la tenir à jour et recevoir les messages des collectivités qui s’y intéressent, si vous l’acceptez.',
          ],
          action: { label: 'Voir la solution', url: page },
          footer: FOOTER,
        })
      : written(`[Catalogue] Votre solution n’a pas été publiée : ${f.solution.name}`, {
          title: 'Votre solution n’a pas été publiée',
          paragraphs: [
            'Bonjour,',
            `La solution « ${f.solution.name} » que vous avez proposée n’a pas été publiée : elle redevient un brouillon.`,
            `Motif : ${f.reason ?? ''}`,
            'Vous pouvez la modifier et la soumettre de nouveau.',
          ],
          action: { label: 'Modifier la solution', url: `${page}/modifier` },
          footer: FOOTER,
        });
  await send(
    { email: author.email },
    f.transition === 'publier' ? 'catalogue-publiee' : 'catalogue-refusee',
    mail,
  );
}

function written(subject: string, content: Parameters<typeof renderMail>[0]) {
  return { subject, ...renderMail(content) };
}
