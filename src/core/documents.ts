/**
 * The documents a process captured (services[].documents), as rows for the panel: validation
 * flags, the signed download URL and the OCR fields, each marked personal unless the key is
 * known to describe the document rather than the person. Pure; re-exported by ./model.
 */
import type { Process } from './schema';

function nonEmpty(v: string | undefined): string | undefined {
  return v === '' ? undefined : v;
}

export interface OcrField {
  key: string;
  /** Verbatim for strings; numbers and booleans as text; objects as JSON. */
  value: string;
  /** Personal data (masked unless revealed). True unless the key is known to be harmless. */
  personal: boolean;
}

export interface DocumentRow {
  serviceIndex: number;
  envelopeId: string | undefined;
  docId: string | undefined;
  code: string | undefined;
  version: number | undefined;
  typified?: boolean;
  cpfMatch?: boolean;
  faceMatch?: boolean;
  validated?: boolean;
  reused?: boolean;
  signedUrl: string | undefined;
  ocr: OcrField[];
}

/** OCR keys that describe the document rather than the person (lower case, no accents or separators). */
const NOT_PERSONAL: ReadonlySet<string> = new Set([
  'categoria', 'categoriahabilitacao', 'tipo', 'tipodocumento', 'uf', 'ufemissao', 'ufemissor', 'orgaoemissor',
  'orgaoexpedidor', 'paisemissor', 'dataexpiracao', 'datavalidade', 'validade', 'dataemissao', 'dataexpedicao',
  'versao', 'version', 'code',
]);

function isPersonal(key: string): boolean {
  const k = key.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return !NOT_PERSONAL.has(k);
}

function ocrText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v); // parsed JSON without nulls: always serialisable
}

type Service = NonNullable<Process['services']>[number];
type CapturedDocument = NonNullable<Service['documents']>[number];

function documentRow(serviceIndex: number, service: Service, d: CapturedDocument): DocumentRow {
  const row: DocumentRow = {
    serviceIndex,
    envelopeId: nonEmpty(service.envelopeId),
    docId: nonEmpty(d.doc_id),
    code: nonEmpty(d.doc?.code),
    version: d.doc?.version,
    signedUrl: nonEmpty(d.signed_url),
    ocr: Object.entries(d.doc?.data ?? {}).map(([key, v]) => ({ key, value: ocrText(v), personal: isPersonal(key) })),
  };
  if (d.typified !== undefined) row.typified = d.typified;
  if (d.cpf_match !== undefined) row.cpfMatch = d.cpf_match;
  if (d.face_match !== undefined) row.faceMatch = d.face_match;
  if (d.validate_doc !== undefined) row.validated = d.validate_doc;
  if (d.reused_doc !== undefined) row.reused = d.reused_doc;
  return row;
}

/**
 * One row per captured document, service by service; a documentId listed by a service without a
 * matching document gets a bare row (ID only) so that nothing the API named goes missing.
 */
export function documentRows(p: Process): DocumentRow[] {
  return (p.services ?? []).flatMap((service, i) => {
    const rows = (service.documents ?? []).map((d) => documentRow(i, service, d));
    const described = new Set(rows.map((r) => r.docId));
    for (const id of service.documentIds ?? []) {
      if (id !== '' && !described.has(id)) rows.push(documentRow(i, service, { doc_id: id }));
    }
    return rows;
  });
}
