import type Database from 'better-sqlite3';
import type { RegularizationTaskView } from '../../shared/api/nightdesk.contract';
import { DeskError } from '../../shared/api/errors';
import { readTemporaryIssuances } from './readTemporaryIssuances';

interface TaskRow {
  id: string;
  identity_id: string;
  issuance_id: string;
  status: string;
  created_at: string;
  person_name: string;
  rpps: string | null;
  profession: string | null;
  birth_date: string | null;
  issued_by: string;
}

/** Open regularization tasks (temporary identities waiting for the badge office), oldest first. */
export function readRegularizationTasks(db: Database.Database, { taskId }: { taskId?: string } = {}): (RegularizationTaskView & { status: string })[] {
  const rows = db
    .prepare(
      `SELECT r.*, i.first_name || ' ' || i.last_name AS person_name, i.rpps, i.profession, i.birth_date, t.issued_by
         FROM regularization_tasks r JOIN identities i ON i.id = r.identity_id JOIN temporary_issuances t ON t.id = r.issuance_id
        WHERE ${taskId === undefined ? "r.status = 'open'" : 'r.id = @taskId'}
        ORDER BY r.created_at`,
    )
    .all(taskId === undefined ? {} : { taskId }) as TaskRow[];
  return rows.map((row) => ({
    id: row.id,
    identityId: row.identity_id,
    personName: row.person_name,
    rpps: row.rpps,
    profession: row.profession,
    birthDate: row.birth_date,
    issuance: readTemporaryIssuances(db, { id: row.issuance_id })[0]!,
    issuedById: row.issued_by,
    createdAt: row.created_at,
    status: row.status,
  }));
}

/** The open task, when the acting agent is not the one who issued the card (4-eyes). */
export function readOpenTaskForReviewer(db: Database.Database, taskId: string, agentId: string | null): RegularizationTaskView {
  const [task] = readRegularizationTasks(db, { taskId });
  if (task === undefined) {
    throw new DeskError('NOT_FOUND', { fr: `Aucune régularisation n’a l’identifiant ${taskId}.`, en: `No regularization task has the id ${taskId}.` }, { taskId });
  }
  if (task.status !== 'open') {
    throw new DeskError('PRECONDITION_FAILED', { fr: 'Cette régularisation est déjà traitée.', en: 'This regularization is already settled.' }, { rule: 'task-closed', status: task.status });
  }
  if (agentId !== null && agentId === task.issuedById) {
    throw new DeskError(
      'FORBIDDEN',
      { fr: 'Principe des quatre yeux : l’agent qui a remis la carte ne peut pas régulariser sa propre remise.', en: 'Four eyes: the agent who issued the card cannot settle their own issuance.' },
      { rule: 'four-eyes' },
    );
  }
  return task;
}
