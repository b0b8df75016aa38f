// A Word plan uploaded to the sync server with embedded PGlite.
import { freshPglite } from '../../support/db.ts';
import { docxUploadSuite } from './docx-upload.case.ts';

docxUploadSuite('PGlite', freshPglite);
