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
  /** The parts an area is divided into, by their level: in titles and as a column heading. */
  parts: {
    DISTRICT: { plural: 'huyện, thị xã, thành phố', column: 'Huyện/thị xã/thành phố' },
    COMMUNE: { plural: 'xã, phường, thị trấn', column: 'Xã/phường/thị trấn' },
  },
  officer: {
    title: 'Các đơn vị tôi phụ trách',
    tilesTitle: (name: string) => `${name} – tổng quan các đơn vị phụ trách`,
    unitsTitle: 'Đơn vị phụ trách, tỷ lệ kích hoạt thấp nhất trước',
    unit: 'Đơn vị',
    code: 'Mã đơn vị',
    noUnits: 'Hiện chưa được phân công đơn vị nào.',
  },
  accounts: {
    title: 'Tài khoản',
    subtitle: 'Ai được đăng nhập, với vai trò và phạm vi nào',
    listTitle: 'Danh sách tài khoản',
    createTitle: 'Tạo tài khoản mới',
    username: 'Tên đăng nhập',
    displayName: 'Họ tên hiển thị',
    role: 'Vai trò',
    reach: 'Phạm vi',
    area: 'Huyện, thị xã, thành phố',
    staff: 'Mã cán bộ',
    password: 'Mật khẩu (ít nhất 10 ký tự)',
    state: 'Trạng thái',
    tokens: 'Token API',
    actions: 'Thao tác',
    wholeProvince: 'Toàn tỉnh',
    active: 'Đang hoạt động',
    disabled: 'Đã khóa',
    disable: 'Khóa',
    enable: 'Mở khóa',
    resetPassword: 'Đặt lại mật khẩu',
    newToken: 'Tạo token',
    revoke: 'Thu hồi',
    create: 'Tạo tài khoản',
    until: (date: string) => `đến ${date}`,
    created: (username: string) => `Đã tạo tài khoản ${username}.`,
    disabledDone: (username: string) =>
      `Đã khóa tài khoản ${username}; các phiên và token của tài khoản ngừng hoạt động ngay.`,
    enabledDone: (username: string) => `Đã mở khóa tài khoản ${username}.`,
    passwordDone: (username: string) =>
      `Đã đặt mật khẩu mới cho ${username}; các phiên đăng nhập cũ đã kết thúc.`,
    newPasswordPrompt: (username: string) => `Mật khẩu mới cho ${username} (ít nhất 10 ký tự):`,
    tokenDone: (username: string) =>
      `Token mới của ${username}, hiệu lực 90 ngày. Sao chép ngay: token chỉ hiển thị một lần.`,
    eventsTitle: 'Nhật ký tài khoản (50 sự kiện gần nhất)',
    eventAction: 'Sự kiện',
    eventSubject: 'Tài khoản',
    eventActor: 'Người thực hiện',
    eventDetail: 'Chi tiết',
    commandLine: 'dòng lệnh / không xác định',
    actions_: {
      SIGN_IN: 'Đăng nhập',
      SIGN_IN_FAILED: 'Đăng nhập sai',
      SIGN_OUT: 'Đăng xuất',
      ACCOUNT_CREATED: 'Tạo tài khoản',
      ACCOUNT_DISABLED: 'Khóa tài khoản',
      ACCOUNT_ENABLED: 'Mở khóa tài khoản',
      PASSWORD_RESET: 'Đặt lại mật khẩu',
      TOKEN_CREATED: 'Tạo token',
      TOKEN_REVOKED: 'Thu hồi token',
      GOAL_SET: 'Đặt chỉ tiêu',
    },
    logTitle: 'Nhật ký truy cập dữ liệu cá nhân (50 lượt gần nhất)',
    logNote: (total: string) =>
      `Mỗi lần đọc dữ liệu người tham gia đều được ghi lại; tổng cộng ${total} lượt.`,
    logAt: 'Thời điểm',
    logField: 'Truy cập qua',
    logPersons: 'Số người',
    revoked: (prefix: string) => `Đã thu hồi token ${prefix}.`,
  },
  nav: {
    accounts: 'Tài khoản',
  },
  asOf: {
    label: 'Số liệu đến ngày',
    today: 'Về hôm nay',
  },
  breadcrumbs: {
    label: 'Vị trí',
  },
  units: {
    laggingTitle: (shown: number, total: string | null) =>
      total === null
        ? 'Các đơn vị có tỷ lệ kích hoạt thấp nhất'
        : shown < 20
          ? `Các đơn vị, tỷ lệ kích hoạt thấp nhất trước (${total} đơn vị)`
          : `${shown} đơn vị có tỷ lệ kích hoạt thấp nhất (trong ${total} đơn vị)`,
    officer: 'Cán bộ phụ trách',
    noOfficer: 'Chưa phân công',
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
    chartTitle: (parts: string) => `Tỷ lệ kích hoạt theo ${parts}`,
    tableTitle: (parts: string) => `Số liệu theo ${parts}`,
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
    caption: (parts: string, area: string, rate: string) =>
      `Tỷ lệ người tham gia đã kích hoạt VssID ở từng ${parts}, xếp từ cao xuống thấp. ` +
      `Đường nét đứt: tỷ lệ chung của ${area} (${rate}). Số liệu chi tiết ở bảng bên dưới.`,
    seriesName: 'Tỷ lệ kích hoạt',
    tooltipSeparator: ': ',
    areaLine: (area: string, rate: string) => `${area} ${rate}`,
    tooltipCounts: (activated: string, target: string) => `${activated} / ${target} người đã kích hoạt`,
  },
  table: {
    caption: (parts: string) => `Người tham gia, đăng ký, kích hoạt VssID và đơn vị đã liên hệ theo ${parts}`,
    scrollLabel: (parts: string) => `Bảng số liệu theo ${parts} (cuộn ngang được)`,
    target: 'Người tham gia',
    registered: 'Đã đăng ký',
    activated: 'Đã kích hoạt',
    activationRate: 'Tỷ lệ kích hoạt',
    unitsContacted: 'Đơn vị đã liên hệ',
    totalRow: (area: string) => (area.startsWith('Tỉnh') ? 'Toàn tỉnh' : `Toàn ${area}`),
  },
  notFound: {
    title: 'Không tìm thấy trang',
    body: 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.',
    home: 'Về trang tổng quan',
  },
};

/** The shape every language catalogue must have. */
export type Messages = typeof vi;
