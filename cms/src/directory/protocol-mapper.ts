import type { LawEnforcementProtocol, PoliceContact, Province } from '@referral-directory/sdk';

export interface ProtocolRow {
  documentId: string;
  agency: string;
  agencyKind: LawEnforcementProtocol['agencyKind'];
  province: Province;
  area: string | null;
  capacityNotes: string | null;
  operationalNotes: string | null;
  protocol: string;
  version: number | null;
  lastReviewedAt: string | Date | null;
  nextReviewDue: string | Date | null;
  contacts: Array<{
    name: string;
    rank: string | null;
    unit: string | null;
    phone: string | null;
    email: string | null;
    role: string | null;
    active: boolean | null;
  }> | null;
}

const day = (v: unknown): string | null => (v == null ? null : (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10));

export function toProtocol(r: ProtocolRow): LawEnforcementProtocol {
  return {
    documentId: r.documentId,
    agency: r.agency,
    agencyKind: r.agencyKind,
    province: r.province,
    area: r.area ?? null,
    capacityNotes: r.capacityNotes ?? null,
    operationalNotes: r.operationalNotes ?? null,
    protocol: r.protocol,
    version: r.version ?? 1,
    lastReviewed: day(r.lastReviewedAt),
    nextReviewDue: day(r.nextReviewDue),
    contacts: (r.contacts ?? []).map(
      (c): PoliceContact => ({
        name: c.name,
        rank: c.rank ?? null,
        unit: c.unit ?? null,
        phone: c.phone ?? null,
        email: c.email ?? null,
        role: c.role ?? null,
        active: c.active !== false,
      }),
    ),
  };
}
