import type { EntityManager } from '@mikro-orm/postgresql';
import { DIRECTIVE_CHANGED } from '../../shared/vocabulary/events';
import { appendEvents } from '../common/outbox';
import { eventOf } from './directive-store';
import { DEMO_DIRECTIVES } from './demo';
import { Directive } from './entities/Directive';
import { DirectiveRevision } from './entities/DirectiveRevision';
import { DirectiveStatus, RevisionAction } from '../../shared/vocabulary/enums';
import { validateDirectiveContent } from './validation';

/** The seed letters' province directives, with their first revision and events; skipped when already there. */
export async function seedDemo(em: EntityManager, log: (line: string) => void = () => undefined): Promise<void> {
  await em.transactional(async (t) => {
    const tx = t;
    const existing = new Set(
      (await tx.find(Directive, { id: { $in: DEMO_DIRECTIVES.map((d) => d.id) } })).map((d) => d.id),
    );
    const added: Directive[] = [];
    for (const demo of DEMO_DIRECTIVES) {
      if (existing.has(demo.id)) continue;
      const content = validateDirectiveContent(demo);
      const d = tx.create(Directive, {
        id: demo.id,
        provinceId: demo.provinceId,
        ...content,
        status: DirectiveStatus.IN_FORCE,
        revision: 1,
        demo: demo.demo,
        citation: demo.citation,
      });
      tx.persist(
        Object.assign(new DirectiveRevision(), {
          directiveId: d.id,
          revision: 1,
          action: RevisionAction.ISSUED,
          content: { ...content, status: DirectiveStatus.IN_FORCE, withdrawnOn: null },
          reason: demo.demo
            ? 'Dữ liệu mẫu dựng lại từ các văn bản trích dẫn (demo)'
            : 'Theo văn bản gốc (seed letters)',
          recordedAt: new Date(),
          recordedBy: null,
        }),
      );
      added.push(d);
    }
    await tx.flush();
    await appendEvents(
      tx,
      'directives',
      DIRECTIVE_CHANGED,
      added.map((d) => eventOf(d, RevisionAction.ISSUED)),
    );
    log(`directives: ${added.length} province directives of the seed letters`);
  });
}
