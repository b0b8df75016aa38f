// Is this file the target commune's? The title block names the issuing commune ("… của UBND xã Phú Lương"); a name
// that is not the target's (through the 2025 list, the target's province first) must be confirmed before it is stored:
// a Thái Nguyên commune's file once landed on a Hải Phòng ward and was counted on the dashboard (issue 16).
import type { ApiWarning, CommuneMismatchDetails } from '../../core/api/index.ts';
import { findCommunesByName, findProvince, placeKey, type Commune } from '../../core/dvhc.ts';
import type { Plan } from '../../core/model/index.ts';

export interface CommuneMismatch {
  details: CommuneMismatchDetails;
  message: string;
  messageEn: string;
  /** "Tệp ghi là của …, nhưng đang gửi cho …", the sentence a warning repeats. */
  fact: { vi: string; en: string };
}

// "UBND xã Phú Lương" → "xã Phú Lương": the commune as the file writes it, with its unit type.
const ISSUER_BODY =
  /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Đảng ủy|Đảng uỷ|Ban Thường vụ Đảng ủy|BTV Đảng ủy|HĐND|Hội đồng nhân dân)\s+/iu;

/** The commune the plan's title blocks name (the first that names one), as written; null when none does. */
export function fileCommuneOf(plan: Plan): { written: string; name: string } | null {
  for (const a of plan.appendices) {
    const ref = a.title.reference;
    const name = ref.commune?.trim();
    if (!name) continue;
    const written = ref.issuer ? ref.issuer.replace(ISSUER_BODY, '').trim() : name;
    return { written: written || name, name };
  }
  return null;
}

/**
 * The mismatch between the commune a plan's title block names and the commune it is sent for; null when they agree or
 * the title block names none. A name followed by its province ("Cẩm Giàng, tỉnh Hải Dương") is narrowed by it.
 * Folding drops tone marks, so a name that is the target's but for a tone ("Cẩm Giang" for "Cẩm Giàng") is the target.
 * @example communeMismatch(plan, findCommune('10903')!)?.details.fileCommuneCode // '02008' (Phú Lương, Thái Nguyên)
 */
export function communeMismatch(plan: Plan, target: Commune): CommuneMismatch | null {
  const file = fileCommuneOf(plan);
  if (!file) return null;
  // Only a comma parts a name from its province: seven names of the 2025 list hold a dash ("Văn Miếu - Quốc Tử Giám").
  const [namePart = '', ...rest] = file.name.split(/\s*[,;]\s*/);
  const province = rest.length > 0 ? findProvince(rest.join(' ').trim()) : undefined;
  const candidates = findCommunesByName(namePart).filter((c) => !province || c.provinceCode === province.code);
  if (candidates.some((c) => c.code === target.code)) return null;
  if (candidates.length === 0 && placeKey(namePart) === placeKey(target.name)) return null;
  const match = candidates.find((c) => c.provinceCode === target.provinceCode) ?? candidates[0] ?? null;
  const fileSide = match ? `${match.name} (${match.provinceName})` : `“${file.written}” (không có trong danh sách xã, phường năm 2025)`;
  const fileSideEn = match ? `${match.name} (${match.provinceName})` : `"${file.written}" (not in the 2025 list of communes)`;
  const targetSide = `${target.name} (${target.provinceName})`;
  const fact = {
    vi: `Tệp ghi là của ${fileSide}, nhưng đang gửi cho ${targetSide}`,
    en: `The file says it is from ${fileSideEn}, but it is being sent for ${targetSide}`,
  };
  return {
    fact,
    details: {
      fileCommune: file.written,
      fileCommuneCode: match?.code ?? null,
      targetCommune: { code: target.code, name: target.name, provinceName: target.provinceName },
    },
    message: `${fact.vi}. Nếu đúng là kế hoạch của ${target.name}, hãy xác nhận để gửi; nếu không, hãy chọn đúng xã/phường.`,
    messageEn: `${fact.en}. If it is ${target.name}'s plan, confirm to send it; otherwise choose the right commune.`,
  };
}

/** The warning a confirmed mismatch leaves on the answer. */
export function mismatchWarning(m: CommuneMismatch): ApiWarning {
  return {
    code: 'commune-mismatch',
    message: `Đã lưu theo xác nhận của người gửi. ${m.fact.vi}.`,
    messageEn: `Stored as the sender confirmed. ${m.fact.en}.`,
  };
}
