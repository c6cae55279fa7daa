/**
 * Content sets made for the campaign tests, written into a project copy (tests/cms/support/site-copy.ts):
 * a second authority (a commune of Lâm Đồng after the 2025 merger, campaign 2027 by thôn/bon) and the
 * 2024 district opening a 2027 campaign after its 2024 one.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportCsvText } from '../../src/export/csv.ts';
import type { RegistrationRecord } from '../../src/domain/registration.ts';

const json = (dir: string, name: string, value: unknown) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
};

export const UNITS_2027 = [
  { slug: 'thon-1', name: 'Thôn 1' },
  { slug: 'thon-2', name: 'Thôn 2' },
  { slug: 'bon-bu-nor', name: 'Bon Bu Nor' },
  { slug: 'bon-r-but', name: "Bon R'But", aliases: ['Bon Rbut'] },
];

const NOTICE_2027 = `---
title: Đăng ký sản phẩm OCOP năm 2027
description: Ủy ban nhân dân xã Quảng Khê đề nghị các tổ chức, cá nhân trên địa bàn xã đăng ký sản phẩm OCOP năm 2027.
issuerParent: ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
issuer: |-
  ỦY BAN NHÂN DÂN
  XÃ QUẢNG KHÊ
number: "12"
symbol: UBND-KT
place: Quảng Khê
dateText: ngày 5 tháng 1 năm 2027
date: 2027-01-05
subject: "V/v đăng ký sản phẩm OCOP năm 2027"
recipients:
  - Các thôn, bon trên địa bàn xã;
copiesTo:
  - Lưu VT.
signature:
  authority: KT. CHỦ TỊCH
  title: PHÓ CHỦ TỊCH
  name: Nguyễn Văn Khê
---

Ủy ban nhân dân xã đề nghị các tổ chức, cá nhân đăng ký sản phẩm OCOP năm 2027 theo hai đợt.
`;

/** The second authority's home text: its own words, and the boxes in another order than 2024's. */
export const HOME_2027 = `---
title: Đăng ký sản phẩm OCOP xã Quảng Khê năm 2027
description: "Đăng ký sản phẩm OCOP tại xã Quảng Khê: ai được đăng ký, hạn từng đợt, cách đăng ký."
---

Ủy ban nhân dân xã Quảng Khê mời các hợp tác xã, hộ kinh doanh và người dân các thôn, bon đăng ký sản phẩm OCOP năm 2027.

<RegisterButton />

## Hạn nộp

<RoundDeadlines />

## Ai được đăng ký

Tổ chức, hộ gia đình đang sản xuất trên địa bàn xã. Trưởng thôn, bon hướng dẫn làm hồ sơ.

## Hỏi thêm

<ContactBox />

<MoreLinks />
`;

/** The 2027 campaign's notice, rounds (before 1/4 and 1/7/2027) and campaign file, collecting by `units`. */
function campaign2027(content: string, units: string[], current: boolean) {
  mkdirSync(join(content, 'notices'), { recursive: true });
  writeFileSync(join(content, 'notices/dang-ky-san-pham-ocop-2027.mdx'), NOTICE_2027);
  const round = (n: number, deadline: string, text: string) => ({
    label: `Đợt ${n}`,
    order: n,
    opensAt: '2027-01-05T00:00:00+07:00',
    deadline,
    deadlineText: text,
    notice: 'dang-ky-san-pham-ocop-2027',
  });
  json(
    join(content, 'rounds'),
    '2027-dot-1',
    round(1, '2027-04-01T00:00:00+07:00', 'trước ngày 01/4/2027'),
  );
  json(
    join(content, 'rounds'),
    '2027-dot-2',
    round(2, '2027-07-01T00:00:00+07:00', 'trước ngày 01/7/2027'),
  );
  json(join(content, 'campaigns'), '2027', {
    title: 'Đăng ký sản phẩm OCOP năm 2027',
    current,
    notices: ['dang-ky-san-pham-ocop-2027'],
    units,
    unitWord: 'thôn, bon',
  });
  UNITS_2027.forEach((u, i) =>
    json(join(content, 'communes'), u.slug, {
      name: u.name,
      aliases: u.aliases ?? [],
      order: 100 + i,
    }),
  );
}

/** A chosen product of 2027, as the review UI exports it. */
export function record2027(
  receipt: string,
  productName: string,
  commune: string,
  round: string,
): RegistrationRecord {
  return {
    receipt,
    submittedAt: '2027-02-01T09:00:00+07:00',
    reviewedAt: '2027-04-10T09:00:00+07:00',
    round,
    campaign: '2027',
    status: 'da-chon',
    reviewNote: '',
    producerName: 'Hợp tác xã Nông nghiệp Bon Bu Nor',
    producerType: 'hop-tac-xa',
    representative: 'Y Khê',
    phone: '0912345678',
    email: '',
    commune,
    address: 'Bon Bu Nor',
    businessId: '',
    productName,
    productGroup: 'thuc-pham',
    productStage: 'da-co',
    description: '',
    supportNeeds: [],
    consentProcessing: true,
    consentPublishName: true,
  };
}

/** Replaces the copy's content/ with a second authority's: UBND xã Quảng Khê, tỉnh Lâm Đồng, campaign 2027 by thôn/bon. */
export function writeSecondAuthority(repo: string): void {
  const content = join(repo, 'content');
  for (const dir of [
    'authority',
    'contact',
    'communes',
    'notices',
    'rounds',
    'campaigns',
    'registrations',
  ])
    rmSync(join(content, dir), { recursive: true, force: true });
  json(join(content, 'authority'), 'co-quan', {
    name: 'Ủy ban nhân dân xã Quảng Khê',
    shortName: 'UBND xã Quảng Khê',
    parent: 'Ủy ban nhân dân tỉnh Lâm Đồng',
    area: 'xã Quảng Khê',
    province: 'tỉnh Lâm Đồng',
    brand: 'OCOP xã Quảng Khê',
    titleSuffix: 'OCOP Quảng Khê',
    footer:
      'Ủy ban nhân dân xã Quảng Khê, tỉnh Lâm Đồng · Chương trình mỗi xã một sản phẩm (OCOP).',
    unitWord: 'thôn',
    unitOffice: '',
    inPerson: 'Hoặc đến nhà văn hoá thôn, bon nơi bạn sản xuất.',
    consent: {
      processing: 'Tôi đồng ý cho {co-quan} xử lý thông tin trên để xét chọn sản phẩm OCOP',
      publishName: 'Tôi đồng ý công khai tên cơ sở sản xuất trong danh sách sản phẩm được chọn',
    },
    openData: {
      title: 'Sản phẩm OCOP được chọn, xã Quảng Khê',
      description: 'Sản phẩm được Ủy ban nhân dân xã Quảng Khê chọn, theo thôn, bon.',
    },
    calendarName: 'Hạn đăng ký OCOP Quảng Khê',
  });
  json(join(content, 'contact'), 'co-quan-nhan', {
    office: 'Bộ phận Một cửa, Ủy ban nhân dân xã Quảng Khê',
    address: 'Trụ sở Ủy ban nhân dân xã Quảng Khê, tỉnh Lâm Đồng',
    phone: '0263 3000 111',
    phoneE164: '+842633000111',
    otherPlaces: 'Trưởng thôn, bon nhận đăng ký và hướng dẫn làm hồ sơ.',
  });
  writeFileSync(join(content, 'authority/trang-chu.mdx'), HOME_2027);
  campaign2027(content, [], true);
  mkdirSync(join(content, 'registrations'), { recursive: true });
  writeFileSync(
    join(content, 'registrations/thon-2027.csv'),
    exportCsvText([record2027('K7QM-3XPA', 'Cà phê Bon Bu Nor', 'bon-bu-nor', '2027-dot-1')]),
  );
}

/** Keeps the copy's 2024 content and adds a current 2027 campaign by thôn/bon; the 2024 one becomes the archive. */
export function writeNextCampaign(repo: string, sampleCsv: string): void {
  const content = join(repo, 'content');
  json(join(content, 'campaigns'), '2024', {
    title: 'Đăng ký sản phẩm OCOP năm 2024',
    current: false,
    notices: ['dang-ky-san-pham-ocop-2024'],
    units: ['quang-son', 'quang-hoa', 'dak-ha', 'dak-r-mang', 'quang-khe', 'dak-plao', 'dak-som'],
    unitWord: 'xã',
  });
  campaign2027(
    content,
    UNITS_2027.map((u) => u.slug),
    true,
  );
  writeFileSync(join(content, 'registrations/vi-du-2024.csv'), sampleCsv);
  writeFileSync(
    join(content, 'registrations/thon-2027.csv'),
    exportCsvText([record2027('ABCD-EFGH', 'Mật ong Thôn 2', 'thon-2', '2027-dot-2')]),
  );
  // Late 2024 registrations ("đợt tiếp theo", no round), uploaded only now, during 2027: one from
  // an export that names its campaign, one whose Kỳ đăng ký cell is empty as in older exports.
  const late = (receipt: string, productName: string, campaign: string): RegistrationRecord => ({
    ...record2027(receipt, productName, 'dak-ha', ''),
    submittedAt: '2024-07-10T09:00:00+07:00',
    reviewedAt: '2024-08-01T09:00:00+07:00',
    round: null,
    campaign,
  });
  writeFileSync(
    join(content, 'registrations/muon-2024.csv'),
    exportCsvText([
      late('MQPR-HJKN', 'Mắc khén gửi muộn', '2024'),
      late('MQPR-HJKP', 'Hạt điều gửi muộn', ''),
    ]),
  );
}
