// Our additions to Decap's bundled Vietnamese phrases (the "vi" locale ships in the
// bundle but lags behind English): every phrase an editor can meet with our set-up.

export const localeOverrides = {
  collection: {
    // The bundled "＋" is a full-width character many office PCs lack a font for.
    collectionTop: {
      newButton: 'Thêm %{collectionLabel}',
      viewAsList: 'Xem dạng danh sách',
      viewAsGrid: 'Xem dạng lưới',
      groupBy: 'Nhóm theo',
    },
    groups: { other: 'Khác', negateLabel: 'Không %{label}' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'Ô %{widgetLabel}' } },
    editorInterface: {
      togglePreview: 'Bật/tắt xem trước',
      toggleScrollSync: 'Cuộn đồng thời',
      toggleI18n: 'Bật/tắt đa ngôn ngữ',
      toggleNotes: 'Bật/tắt ghi chú',
    },
    editorWidgets: {
      markdown: {
        bold: 'Chữ đậm',
        italic: 'Chữ nghiêng',
        strikethrough: 'Gạch ngang',
        code: 'Mã',
        link: 'Liên kết',
        linkPrompt: 'Nhập địa chỉ của liên kết',
        headings: 'Tiêu đề',
        quote: 'Trích dẫn',
        bulletedList: 'Danh sách gạch đầu dòng',
        numberedList: 'Danh sách đánh số',
        addComponent: 'Thêm thành phần',
        toggleMode: {
          rich: 'Chuyển sang soạn thảo trực quan',
          markdown: 'Chuyển sang soạn thảo Markdown',
        },
      },
      file: {
        chooseUrl: 'Chèn từ địa chỉ URL',
        chooseMultiple: 'Chọn các tập tin',
        replaceUrl: 'Thay bằng địa chỉ URL',
        promptUrl: 'Nhập địa chỉ URL của tập tin',
        addMore: 'Thêm tập tin',
        removeAll: 'Xoá tất cả tập tin',
      },
      datetime: { setToNow: 'Đặt %{fieldLabel} là bây giờ' },
      list: { add: 'Thêm %{item}', addType: 'Thêm %{item}' },
      object: { expand: 'Mở rộng', collapse: 'Thu gọn' },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {
      copy: 'Sao chép',
      copyUrl: 'Sao chép URL',
      copyPath: 'Sao chép đường dẫn',
      copyName: 'Sao chép tên',
      copied: 'Đã sao chép',
    },
    mediaLibraryModal: { close: 'Đóng' },
  },
  ui: { settingsDropdown: { account: 'Tài khoản' } },
};

/** A deep merge of plain phrase objects; `extra` wins. */
export function mergePhrases(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] =
      value && typeof value === 'object' && typeof base[key] === 'object'
        ? mergePhrases(base[key], value)
        : value;
  }
  return out;
}
