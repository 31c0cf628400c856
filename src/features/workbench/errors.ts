import { DomainError } from '../../core/errors';

export class NotASpreadsheet extends DomainError {
  constructor() {
    super('workbench.notASpreadsheet');
  }
}
export class UploadTooBig extends DomainError {
  constructor(maxMb: number) {
    super('workbench.uploadTooBig', { maxMb });
  }
}
/** The file changed between the check and the confirmation (or it cannot be read again): check it afresh. */
export class ImportChanged extends DomainError {
  constructor() {
    super('workbench.importChanged', {}, { endsFlow: true });
  }
}
export class UnknownTable extends DomainError {
  constructor() {
    super('workbench.unknownTable', {}, { endsFlow: true });
  }
}
