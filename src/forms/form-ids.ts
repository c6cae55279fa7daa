/** Ids shared by the rendered form and the client script that enhances it. */
export const FORM_ID = 'dang-ky';
export const SEND_STATUS_ID = 'trang-thai-gui';
