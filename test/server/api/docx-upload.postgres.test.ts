// A Word plan uploaded to the sync server with PostgreSQL (a fresh database, dropped afterwards).
import { freshPostgres } from '../../support/db.ts';
import { docxUploadSuite } from './docx-upload.case.ts';

docxUploadSuite('PostgreSQL', freshPostgres);
