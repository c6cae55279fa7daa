/** Labels, hints and limits of the registration fields, in Vietnamese; the form, errors and CSV headers use them. */

export interface FieldInfo {
  /** The question as people read it. */
  label: string;
  /** A line of help under the question. */
  hint?: string;
  /** Longest accepted text, in characters. */
  max?: number;
  required: boolean;
}

export const REGISTRATION_FIELDS = {
  producerName: {
    label: 'Tên tổ chức hoặc cá nhân sản xuất',
    hint: 'Tên doanh nghiệp, hợp tác xã, tổ hợp tác, hộ kinh doanh hoặc họ tên người sản xuất.',
    max: 200,
    required: true,
  },
  producerType: { label: 'Loại hình chủ thể', required: true },
  representative: { label: 'Họ và tên người đại diện', max: 120, required: true },
  phone: {
    label: 'Số điện thoại',
    hint: 'Số di động hoặc số bàn, ví dụ 0912 345 678.',
    max: 30,
    required: true,
  },
  email: { label: 'Thư điện tử (email)', hint: 'Không bắt buộc.', max: 200, required: false },
  commune: { label: 'Xã', required: true },
  address: { label: 'Địa chỉ (thôn, bon, buôn)', max: 300, required: true },
  businessId: {
    label: 'Số giấy chứng nhận đăng ký kinh doanh hoặc mã số thuế',
    hint: 'Không bắt buộc; để trống nếu chưa đăng ký kinh doanh.',
    max: 50,
    required: false,
  },
  productName: {
    label: 'Tên sản phẩm',
    hint: 'Ví dụ: Cà phê bột nguyên chất.',
    max: 200,
    required: true,
  },
  productGroup: { label: 'Nhóm sản phẩm', required: true },
  productStage: { label: 'Tình trạng sản phẩm', required: true },
  description: {
    label: 'Mô tả ngắn về sản phẩm',
    hint: 'Nguyên liệu, cách làm, sản lượng, nơi bán. Không bắt buộc.',
    max: 2000,
    required: false,
  },
  supportNeeds: {
    label: 'Nhu cầu hỗ trợ',
    hint: 'Chọn các nội dung cần hỗ trợ. Không bắt buộc.',
    max: 200,
    required: false,
  },
  // The form shows the consent wording of content/authority/ (with the controller's name); this label names the field elsewhere.
  consentProcessing: {
    label: 'Tôi đồng ý cho cơ quan tiếp nhận xử lý thông tin trên để xét chọn sản phẩm OCOP',
    required: true,
  },
  consentPublishName: {
    label:
      'Tôi đồng ý công khai tên tổ chức hoặc cá nhân sản xuất trong danh sách sản phẩm được chọn',
    hint: 'Không bắt buộc. Nếu không đồng ý, danh sách chỉ ghi tên sản phẩm.',
    required: false,
  },
} as const satisfies Record<string, FieldInfo>;

export type RegistrationField = keyof typeof REGISTRATION_FIELDS;

/** Suggested support needs offered as checkboxes; other text is accepted too. */
export const SUPPORT_NEEDS = [
  'Xây dựng hồ sơ OCOP',
  'Bao bì, nhãn mác',
  'Truy xuất nguồn gốc',
  'Tiêu chuẩn, chứng nhận chất lượng',
  'Xúc tiến thương mại, tìm thị trường',
  'Vốn, tín dụng',
  'Tập huấn kỹ thuật',
] as const;

/** Most items accepted in supportNeeds. */
export const MAX_SUPPORT_NEEDS = 20;
