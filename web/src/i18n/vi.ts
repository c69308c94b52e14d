/**
 * Every user-visible string of the dashboard, in Vietnamese. Components read their text from here
 * (through `t` in ./index.ts) and never write it themselves. Strings that embed a value are functions;
 * the value comes in already formatted (see lib/format.ts).
 */
export const vi = {
  app: {
    productName: 'VssID – Bảo hiểm xã hội số',
    organisation: 'BHXH tỉnh Khánh Hòa',
    homeLinkLabel: 'VssID – Bảo hiểm xã hội số, BHXH tỉnh Khánh Hòa: về trang tổng quan',
    skipToContent: 'Bỏ qua, đến nội dung chính',
    navLabel: 'Điều hướng chính',
    navOverview: 'Tổng quan',
    footer: 'Bảo hiểm xã hội tỉnh Khánh Hòa – Theo dõi tiến độ triển khai ứng dụng VssID',
  },
  login: {
    title: 'Đăng nhập',
    intro:
      'Hệ thống theo dõi tiến độ triển khai VssID của BHXH tỉnh Khánh Hòa. Đăng nhập bằng tài khoản được cấp.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    submitting: 'Đang đăng nhập…',
    errors: {
      wrong: 'Sai tên đăng nhập hoặc mật khẩu.',
      locked: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
      network: 'Không kết nối được máy chủ. Vui lòng thử lại.',
    },
  },
  account: {
    signOut: 'Đăng xuất',
    checking: 'Đang kiểm tra phiên đăng nhập…',
    roles: {
      ADMIN: 'Quản trị hệ thống',
      PROVINCE: 'Lãnh đạo tỉnh',
      DISTRICT: 'Lãnh đạo huyện',
      OFFICER: 'Cán bộ phụ trách',
      ANALYST: 'Phân tích số liệu',
    },
  },
  state: {
    loading: 'Đang tải…',
    empty: 'Chưa có dữ liệu',
    error: (message: string) => `Không tải được dữ liệu: ${message}`,
    retry: 'Thử lại',
    unknownError: 'lỗi không xác định',
  },
  overview: {
    title: 'Tiến độ triển khai VssID',
    asOf: (date: string) => `Số liệu đến ngày ${date}`,
    tilesTitle: (area: string) => `${area} – tổng quan`,
    tilesTitleFallback: 'Toàn tỉnh – tổng quan',
    chartTitle: 'Tỷ lệ kích hoạt theo huyện, thị xã, thành phố',
    tableTitle: 'Số liệu theo huyện, thị xã, thành phố',
  },
  tiles: {
    target: 'Người tham gia BHXH',
    registered: 'Đã đăng ký',
    approved: 'Đã phê duyệt',
    activated: 'Đã kích hoạt / đăng nhập',
    formSigned: 'Đã ký Mẫu 01',
    verified: 'Đã xác thực',
    unitsContacted: 'Đơn vị đã liên hệ',
    targetNote: 'Đối tượng cần triển khai',
    ofTarget: (rate: string) => `${rate} số người tham gia`,
    ofUnits: (rate: string) => `${rate} số đơn vị`,
  },
  chart: {
    caption: (area: string, rate: string) =>
      `Tỷ lệ người tham gia đã kích hoạt VssID ở từng huyện, thị xã, thành phố, xếp từ cao xuống thấp. ` +
      `Đường nét đứt: tỷ lệ chung của ${area} (${rate}). Số liệu chi tiết ở bảng bên dưới.`,
    seriesName: 'Tỷ lệ kích hoạt',
    tooltipSeparator: ': ',
    provinceLine: (rate: string) => `Toàn tỉnh ${rate}`,
    tooltipCounts: (activated: string, target: string) => `${activated} / ${target} người đã kích hoạt`,
  },
  table: {
    caption: 'Người tham gia, đăng ký, kích hoạt VssID và đơn vị đã liên hệ theo huyện, thị xã, thành phố',
    scrollLabel: 'Bảng số liệu theo huyện, thị xã, thành phố (cuộn ngang được)',
    area: 'Huyện/thị xã/thành phố',
    target: 'Người tham gia',
    registered: 'Đã đăng ký',
    activated: 'Đã kích hoạt',
    activationRate: 'Tỷ lệ kích hoạt',
    unitsContacted: 'Đơn vị đã liên hệ',
    totalRow: 'Toàn tỉnh',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    body: 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.',
    home: 'Về trang tổng quan',
  },
};

/** The shape every language catalogue must have. */
export type Messages = typeof vi;
