import { DomainError } from '../../core/errors';
import { MAX_OPEN_PER_RESIDENT, MAX_QUESTION } from './policy';

// Rendered from locales/<lng>/faq.json, faq.errors.<name>. The input errors leave a flow open (the reply says what
// is expected, with an example); those that no typing can fix end it.

export class InvalidQuestion extends DomainError {
  constructor() {
    super('faq.invalidQuestion');
  }
}
export class InvalidAnswer extends DomainError {
  constructor() {
    super('faq.invalidAnswer');
  }
}
export class InvalidPhrasings extends DomainError {
  constructor() {
    super('faq.invalidPhrasings');
  }
}
export class InvalidKeywords extends DomainError {
  constructor() {
    super('faq.invalidKeywords');
  }
}
export class InvalidCategory extends DomainError {
  constructor() {
    super('faq.invalidCategory', {}, { endsFlow: true });
  }
}
export class InvalidLanguage extends DomainError {
  constructor() {
    super('faq.invalidLanguage', {}, { endsFlow: true });
  }
}
export class InvalidKey extends DomainError {
  constructor() {
    super('faq.invalidKey', {}, { endsFlow: true });
  }
}
export class DuplicateRow extends DomainError {
  constructor() {
    super('faq.duplicateRow');
  }
}
export class EntryExists extends DomainError {
  constructor() {
    super('faq.entryExists', {}, { endsFlow: true });
  }
}

/** A forged button, or one under someone else's question: it says the button has expired. */
export class QueryNotFound extends DomainError {
  constructor() {
    super('faq.queryNotFound');
  }
}
export class QuestionTooLong extends DomainError {
  constructor() {
    super('faq.questionTooLong', { max: MAX_QUESTION });
  }
}
export class TooManyOpen extends DomainError {
  constructor() {
    super('faq.tooManyOpen', { max: MAX_OPEN_PER_RESIDENT });
  }
}

// These end a flow only where they are raised by its last step (an answer typed, an edit typed): pressing a stale
// button must not end some other flow the staff member is in.
type Ends = { endsFlow?: boolean };

export class EntryNotFound extends DomainError {
  constructor(o: Ends = {}) {
    super('faq.entryNotFound', {}, o);
  }
}

export class HandoffNotFound extends DomainError {
  constructor(o: Ends = {}) {
    super('faq.handoffNotFound', {}, o);
  }
}
export class HandoffTaken extends DomainError {
  constructor(name: string, o: Ends = {}) {
    super('faq.handoffTaken', { name }, o);
  }
}
export class HandoffAnswered extends DomainError {
  constructor(name: string, o: Ends = {}) {
    super('faq.handoffAnswered', { name }, o);
  }
}
export class HandoffNotAnswered extends DomainError {
  constructor(o: Ends = {}) {
    super('faq.handoffNotAnswered', {}, o);
  }
}
export class EntryAlreadyMade extends DomainError {
  constructor(o: Ends = {}) {
    super('faq.entryAlreadyMade', {}, o);
  }
}

/** An uploaded file with wrong rows, found again when it was confirmed: nothing was imported. */
export class FaqFileInvalid extends DomainError {
  constructor(count: number) {
    super('faq.fileInvalid', { count }, { endsFlow: true });
  }
}

/** A bulk import with wrong rows: nothing was written; each error names its row and the error's code. */
export class ImportRejected extends Error {
  constructor(readonly errors: { row: number; message: string }[]) {
    super(`${errors.length} row(s) rejected`);
  }
}

/** An import file that cannot be read at all (not CSV, not a JSON array, a required column missing). */
export class BadFile extends Error {}
