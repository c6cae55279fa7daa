/** The headers each column of the export may carry after people and spreadsheets have handled the file. */
import { EXPORT_COLUMNS, type ExportKey } from '../export/format.ts';
import { REGISTRATION_FIELDS as F } from '../domain/registration-fields.ts';

// Headers staff are likely to type when they rebuild or merge a sheet by hand.
const EXTRA_HEADERS: Partial<Record<ExportKey, string[]>> = {
  receipt: ['Mã', 'Mã đăng ký', 'Mã số hồ sơ'],
  status: ['Trạng thái rà soát', 'Kết quả rà soát'],
  producerName: ['Tên chủ thể', 'Chủ thể'],
  representative: ['Người đại diện'],
  phone: ['Điện thoại', 'SĐT'],
  email: ['Email', 'Thư điện tử'],
  address: ['Địa chỉ'],
  reviewNote: ['Ghi chú'],
};

/** Every header a column of the export may carry: the export's own, the form's label, the field key. */
export const REGISTRY_COLUMN_NAMES: ReadonlyMap<ExportKey, readonly string[]> = new Map(
  EXPORT_COLUMNS.map(({ key, header }) => [
    key,
    [
      header,
      key,
      ...(key in F ? [F[key as keyof typeof F].label] : []),
      ...(EXTRA_HEADERS[key] ?? []),
    ],
  ]),
);
