// Issue 15 §5: the app shows when the open project is a coder copy (for whom,
// with a locked codebook or not) through team.status; a main project is none.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTmp } from '../../helpers/tmp.ts';
import { teamFixture } from '../../helpers/team.ts';
import { createDispatcher } from '../../../src-main/ipc/dispatch.ts';
import { Session } from '../../../src-main/session.ts';

const tmp = useTmp('duiding-team-status-');

describe('team.status', () => {
  it('says whose copy it is, whether the codebook is locked and how many transcripts it holds', async () => {
    const f = teamFixture(tmp);
    const first = f.main.sqlite.prepare('SELECT name FROM sources ORDER BY id LIMIT 1').pluck().get() as string;
    f.copy('dirk', { coder: 'Dirk', sources: [first], lockCodebook: true }).close();
    f.copy('eva', { coder: 'Eva' }).close();
    const mainPath = f.main.path;
    f.main.close();
    const session = new Session();
    const dispatch = createDispatcher({ session, language: () => 'nl' });
    session.open(join(f.dir, 'dirk.duiding'));
    expect(await dispatch('team.status', {})).toEqual({ ok: true, data: { copy: { coder: 'Dirk', lockCodebook: true, sources: 1 } } });
    session.open(join(f.dir, 'eva.duiding'));
    expect(await dispatch('team.status', {})).toEqual({ ok: true, data: { copy: { coder: 'Eva', lockCodebook: false, sources: null } } });
    session.open(mainPath);
    expect(await dispatch('team.status', {})).toEqual({ ok: true, data: { copy: null } });
    session.close();
  });
});
