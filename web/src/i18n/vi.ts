/**
 * Every user-visible string of the dashboard, in Vietnamese. Components read their text from here
 * (through `t` in ./index.ts) and never write it themselves. Strings that embed a value are functions;
 * the value comes in already formatted (see lib/format.ts).
 */
const capitalise = (text: string) => `${text.charAt(0).toLocaleUpperCase('vi')}${text.slice(1)}`;

/** The kinds of thing a refusal names (its `what`). */
const THINGS: Record<string, string> = {
  unit: 'đơn vị',
  person: 'người lao động',
  officer: 'cán bộ',
  office: 'cơ quan BHXH',
  area: 'địa bàn',
  account: 'tài khoản',
  geography: 'bản đồ hành chính',
  report: 'báo cáo',
  import: 'lần nhập dữ liệu',
};

const ROLES = {
  ADMIN: 'Quản trị hệ thống',
  PROVINCE: 'Lãnh đạo tỉnh',
  DISTRICT: 'Lãnh đạo huyện',
  OFFICER: 'Cán bộ phụ trách',
  ANALYST: 'Phân tích số liệu',
};

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
    COMMUNE_TWO_TIERS: { plural: 'xã, phường, đặc khu', column: 'Xã/phường/đặc khu' },
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
    notForRole: 'Tài khoản này không quản lý tài khoản.',
    subtitle: 'Ai được đăng nhập, với vai trò và phạm vi nào',
    listTitle: 'Danh sách tài khoản',
    createTitle: 'Tạo tài khoản mới',
    username: 'Tên đăng nhập',
    displayName: 'Họ tên hiển thị',
    role: 'Vai trò',
    reach: 'Phạm vi',
    area: 'Địa bàn hoặc cơ quan BHXH',
    districtsGroup: 'Huyện, thị xã, thành phố',
    officesGroup: 'Cơ quan BHXH (các đơn vị cơ quan quản lý)',
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
    resetTitle: (username: string) => `Đặt mật khẩu mới cho ${username}`,
    newPassword: (min: number) => `Mật khẩu mới (ít nhất ${min} ký tự)`,
    confirmPassword: 'Nhập lại mật khẩu mới',
    savePassword: 'Đặt mật khẩu',
    cancel: 'Hủy',
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
      PASSWORD_CHANGED: 'Tự đổi mật khẩu',
      PASSWORD_CHANGE_REFUSED: 'Đổi mật khẩu bị từ chối (sai mật khẩu hiện tại)',
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
    logKind: 'Loại',
    logKinds: { READ: 'Xem', DOWNLOAD: 'Tải tệp' } as Record<string, string>,
    refusalsTitle: 'Truy cập bị từ chối (50 lượt gần nhất)',
    refusalsNote: (total: string) =>
      `Mỗi lần đọc dữ liệu người tham gia bị từ chối (ngoài phạm vi, không tồn tại, hoặc vai trò không được xem) đều được ghi lại; tổng cộng ${total} lượt.`,
    refusalArgument: 'Đối tượng yêu cầu',
    refusalReason: 'Lý do',
    refusalReasons: {
      OUT_OF_REACH: 'Ngoài phạm vi',
      NOT_FOUND: 'Không tồn tại',
      ROLE: 'Vai trò không được xem',
    },
    alertLabel: 'Cảnh báo:',
    alertLine: (username: string, count: string, at: { time: string; day: string }) =>
      `tài khoản ${username} bị từ chối ${count} lần trong 1 phút lúc ${at.time} ngày ${at.day}.`,
    alertMore: (minutes: string, last: string) =>
      `(${minutes} phút vượt ngưỡng trong 24 giờ qua; gần nhất lúc ${last})`,
    alertThreshold: (threshold: string) =>
      `Ngưỡng cảnh báo: hơn ${threshold} lượt bị từ chối trong 1 phút (24 giờ qua).`,
    revoked: (prefix: string) => `Đã thu hồi token ${prefix}.`,
  },
  reports: {
    title: 'Báo cáo',
    subtitle: 'Báo cáo tiến độ triển khai ứng dụng VssID gửi Tỉnh ủy, UBND tỉnh',
    formTitle: 'Lập báo cáo',
    notForRole: 'Tài khoản này không lập báo cáo.',
    area: 'Địa bàn',
    office: 'Cơ quan BHXH (các đơn vị cơ quan quản lý)',
    asOf: 'Số liệu đến ngày',
    compare: 'So sánh với ngày',
    compareHint: 'Mặc định: ngày cuối tháng trước',
    notes: 'Nội dung bổ sung (không bắt buộc)',
    notesHint:
      'Tồn tại, hạn chế; nhiệm vụ thời gian tới; kiến nghị. Dòng bắt đầu bằng “# ” là tiêu đề một mục (ví dụ: # Tồn tại, hạn chế); mỗi dòng khác là một đoạn. In sau phần số liệu, trước “Nơi nhận”.',
    preview: 'Xem trước',
    previewTitle: 'Xem trước báo cáo',
    documentKind: 'Báo cáo',
    scopeLine: (area: string, asOf: string, compare: string) =>
      `${area} · số liệu đến ngày ${asOf}, so sánh với ngày ${compare}`,
    download: (format: string) => `Tải ${format}`,
    downloadLabel: (format: string) => `Tải báo cáo dạng ${format}`,
    publish: 'Phát hành',
    publishing: 'Đang phát hành…',
    publishConfirm:
      'Phát hành báo cáo này? Số liệu và các tệp DOCX, PDF, XLSX được lưu lại và cấp số; không thể sửa sau khi phát hành.',
    published: (number: string) => `Đã phát hành báo cáo số ${number}.`,
    publishedTitle: 'Báo cáo đã phát hành',
    number: 'Số',
    days: 'Số liệu',
    daysValue: (asOf: string, compare: string) => `đến ${asOf} (so với ${compare})`,
    issued: 'Ngày ban hành',
    author: 'Người phát hành',
    files: 'Tệp',
    changes: 'Số liệu thay đổi',
    showChanges: 'Xem thay đổi',
    noChanges: 'Không có thay đổi so với số liệu đã báo cáo.',
  },
  /** The header's search box (a combobox): units, officers and areas by code or name. */
  search: {
    label: 'Tìm đơn vị, cán bộ, địa bàn',
    placeholder: 'Tìm mã hoặc tên, không cần dấu…',
    open: 'Tìm kiếm',
    close: 'Đóng ô tìm kiếm',
    searching: 'Đang tìm…',
    tooShort: 'Gõ ít nhất 2 ký tự.',
    none: (text: string) => `Không tìm thấy “${text}” trong phạm vi tài khoản của bạn.`,
    groups: { units: 'Đơn vị', officers: 'Cán bộ', areas: 'Địa bàn' },
    count: (n: number) =>
      n === 0
        ? 'Không có kết quả.'
        : `${n} kết quả; dùng phím mũi tên lên, xuống để chọn, Enter để mở, Esc để đóng.`,
  },
  /** The signed-in account's own page (/account) and the header's account menu. */
  ownAccount: {
    menu: 'Trình đơn tài khoản',
    pageLink: 'Mật khẩu và token API',
    graphiql: 'GraphiQL: truy vấn API',
    title: 'Tài khoản của tôi',
    subtitle: (username: string, role: string) => `Tên đăng nhập ${username} · ${role}`,
    passwordTitle: 'Đổi mật khẩu',
    current: 'Mật khẩu hiện tại',
    next: (min: number) => `Mật khẩu mới (ít nhất ${min} ký tự)`,
    confirm: 'Nhập lại mật khẩu mới',
    change: 'Đổi mật khẩu',
    tooShort: (min: number) => `Mật khẩu mới phải có ít nhất ${min} ký tự.`,
    mismatch: 'Hai lần nhập mật khẩu mới không khớp.',
    changed: 'Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc; phiên này vẫn tiếp tục.',
    tokensTitle: 'Token API của tôi',
    tokensNote:
      'Token cho phép một chương trình (curl, Python, Power Query) đọc API với đúng quyền của tài khoản này, gửi trong tiêu đề “Authorization: Bearer …”.',
    days: 'Hiệu lực (ngày, 1–366)',
    create: 'Tạo token',
    created: (days: string) =>
      `Token mới, hiệu lực ${days} ngày. Hãy sao chép ngay: token chỉ hiển thị một lần này.`,
    copy: 'Sao chép token',
    copied: 'Đã sao chép.',
    none: 'Tài khoản chưa có token nào.',
    prefix: 'Token',
    createdAt: 'Ngày tạo',
    expiresAt: 'Hết hạn',
    lastUsed: 'Dùng lần cuối',
    state: 'Trạng thái',
    never: 'chưa dùng',
    live: 'Còn hiệu lực',
    expired: 'Đã hết hạn',
    revoked: 'Đã thu hồi',
    revoke: 'Thu hồi',
    revokeLabel: (prefix: string) => `Thu hồi token ${prefix}`,
    revokedDone: (prefix: string) => `Đã thu hồi token ${prefix}; token ngừng hoạt động ngay.`,
  },
  nav: {
    reports: 'Báo cáo',
    accounts: 'Tài khoản',
  },
  date: {
    placeholder: 'dd/mm/yyyy',
    required: 'Hãy nhập ngày.',
    invalid: 'Không phải ngày hợp lệ: hãy viết ngày/tháng/năm, ví dụ 30/06/2021.',
    outOfRange: (from: string | null, to: string | null) =>
      from && to
        ? `Ngày phải từ ${from} đến ${to}.`
        : from
          ? `Ngày phải từ ${from} trở đi.`
          : `Ngày không được sau ${to}.`,
    openCalendar: 'Chọn ngày trên lịch',
  },
  /** The server's refusals that carry a reason (extensions.reason), worded here; days come formatted. */
  reasons: {
    SEARCH_TEXT_LENGTH: (a: Record<string, string>) =>
      `Hãy gõ từ ${a.min} đến ${a.max} ký tự để tìm (đã gõ ${a.length}).`,
    FIRST_OUT_OF_RANGE: (a: Record<string, string>) =>
      `Số kết quả mỗi loại phải từ ${a.min} đến ${a.max} (đã yêu cầu ${a.first}).`,
    WRONG_CURRENT_PASSWORD: () => 'Mật khẩu hiện tại không đúng; mật khẩu chưa được đổi.',
    PASSWORD_UNCHANGED: () => 'Mật khẩu mới trùng với mật khẩu hiện tại; hãy chọn mật khẩu khác.',
    OTHERS_TOKENS: () => 'Tài khoản của bạn chỉ được tạo và thu hồi token của chính mình.',
    FUTURE_DAY: (a: Record<string, string>) =>
      `Ngày ${a.day} là ngày trong tương lai (hôm nay là ${a.today}): chưa có số liệu.`,
    BEFORE_FIRST_ACTIVITY: (a: Record<string, string>) =>
      a.first
        ? `Ngày ${a.day} trước ngày đầu tiên có hoạt động được ghi nhận (${a.first}): chưa có số liệu để báo cáo.`
        : 'Chưa có hoạt động nào được ghi nhận: chưa có số liệu để báo cáo.',
    COMPARE_NOT_BEFORE: (a: Record<string, string>) =>
      `Ngày so sánh (${a.compare}) phải trước ngày báo cáo (${a.day}).`,
    NOT_A_DAY: (a: Record<string, string>) =>
      a.value ? `«${a.value}» không phải là một ngày có thật (ngày/tháng/năm).` : 'Ngày không hợp lệ.',
    DAY_OUT_OF_RANGE: (a: Record<string, string>) =>
      `Ngày ${a.day} nằm ngoài khoảng ${a.first} – ${a.last}; có thể đã gõ nhầm năm.`,
    DAY_AFTER_TODAY: (a: Record<string, string>) =>
      `Ngày ${a.day} là sau hôm nay (${a.today}): chỉ ghi nhận việc đã diễn ra.`,
    NOT_FOUND: (a: Record<string, string>) => `Không tìm thấy ${THINGS[a.what ?? ''] ?? 'mã'} «${a.id}».`,
    OUTSIDE_REACH: (a: Record<string, string>) =>
      a.id && THINGS[a.what ?? '']
        ? `${capitalise(THINGS[a.what ?? ''] ?? '')} «${a.id}» nằm ngoài phạm vi của tài khoản.`
        : 'Nội dung này nằm ngoài phạm vi của tài khoản.',
    ROLE_MAY_NOT: (a: Record<string, string>) =>
      `Tài khoản «${ROLES[a.role as keyof typeof ROLES] ?? a.role}» không được thực hiện thao tác này.`,
    EMPTY: () => 'Chưa nhập nội dung.',
    TOO_LONG: (a: Record<string, string>) => `Nội dung dài ${a.length} ký tự; tối đa ${a.max} ký tự.`,
    TOO_MANY: (a: Record<string, string>) => `Có ${a.count} mục; tối đa ${a.max} mục.`,
    CONTROL_CHARACTER: (a: Record<string, string>) =>
      `Dòng ${a.line} chứa ký tự điều khiển không in được; hãy xóa ký tự đó.`,
    NOTES_EMPTY_HEADING: (a: Record<string, string>) =>
      `Dòng ${a.line}: tiêu đề mục («# ») cần có nội dung phía sau.`,
    SI_CODE_DIGITS: (a: Record<string, string>) => `Mã số BHXH gồm đúng 10 chữ số: ${a.codes}.`,
    NOT_AN_ID: (a: Record<string, string>) => `«${a.value}» không phải là một mã hợp lệ.`,
    ONE_OF: (a: Record<string, string>) => `«${a.value}» không hợp lệ; chọn một trong: ${a.allowed}.`,
    NOT_BOTH: (a: Record<string, string>) => `Chỉ chọn «${a.first}» hoặc «${a.second}», không chọn cả hai.`,
    REASON_UNKNOWN: () => 'Hãy chọn một lý do, hoặc bỏ trống để xóa lý do đã ghi.',
    NO_LEVEL: (a: Record<string, string>) =>
      a.level === 'DISTRICT'
        ? `Bản đồ hành chính ${a.geography} không còn cấp huyện; xem theo xã, phường.`
        : `Bản đồ hành chính ${a.geography} không có cấp này.`,
    NO_AREAS: (a: Record<string, string>) => `Bản đồ hành chính ${a.geography} chưa có địa bàn nào.`,
    NAME_THE_AREA: () => 'Hãy chọn địa bàn của báo cáo.',
    BAD_CURSOR: () => 'Trang danh sách không còn hợp lệ; hãy tải lại từ trang đầu.',
    PAGE_SIZE: (a: Record<string, string>) =>
      a.max ? `Số dòng mỗi trang từ 1 đến ${a.max}.` : 'Số dòng phải từ 1 trở lên.',
    NEGATIVE_OFFSET: () => 'Vị trí bắt đầu không được âm.',
    TO_BEFORE_FROM: (a: Record<string, string>) => `Ngày kết thúc (${a.to}) trước ngày bắt đầu (${a.from}).`,
    PERIOD_TOO_LONG: (a: Record<string, string>) =>
      `Khoảng thời gian dài ${a.days} ngày; tối đa ${a.max} ngày.`,
    GOAL_RATE: () => 'Chỉ tiêu là một tỷ lệ lớn hơn 0 % và không quá 100 %.',
    GOAL_DEADLINE: (a: Record<string, string>) =>
      `Thời hạn của chỉ tiêu (${a.deadline}) phải sau hôm nay (${a.today}).`,
    USERNAME_FORMAT: () =>
      'Tên đăng nhập gồm 2 đến 40 ký tự: chữ thường không dấu, chữ số, «.», «_» hoặc «-».',
    PASSWORD_TOO_SHORT: (a: Record<string, string>) => `Mật khẩu cần ít nhất ${a.min} ký tự.`,
    TOKEN_DAYS: () => 'Mã truy cập có hiệu lực từ 1 đến 366 ngày.',
    ACCOUNT_EXISTS: (a: Record<string, string>) => `Đã có tài khoản «${a.username}».`,
    ACCOUNT_DISABLED: (a: Record<string, string>) => `Tài khoản «${a.username}» đang bị khóa.`,
    OWN_ACCOUNT: () => 'Không thể tự khóa tài khoản của chính mình.',
    BINDING_DISTRICT: () =>
      'Tài khoản lãnh đạo huyện gắn với một địa bàn hoặc một cơ quan BHXH (chỉ một trong hai), không gắn với cán bộ.',
    BINDING_OFFICER: () =>
      'Tài khoản cán bộ phụ trách gắn với một cán bộ, không gắn với địa bàn hay cơ quan.',
    BINDING_WHOLE_PROVINCE: () => 'Vai trò này xem toàn tỉnh: không chọn địa bàn, cơ quan hay cán bộ.',
    FILE_FORMAT: () => 'Định dạng tệp là DOCX, PDF hoặc XLSX.',
    BAD_OFFSET: (a: Record<string, string>) => `Vị trí trang phải từ 0 đến ${a.max}; nhận được ${a.offset}.`,
    AFTER_AND_OFFSET: () => 'Chỉ được chọn trang theo con trỏ hoặc theo vị trí, không được cả hai.',
    DOWNLOAD_ROWS: (a: Record<string, string>) =>
      `Một tệp tải về có từ 1 đến ${a.max} người; danh sách này có ${a.count}.`,
    DOWNLOAD_OUT_OF_REACH: (a: Record<string, string>) =>
      `Tệp có người không thuộc đơn vị ${a.unit} trong phạm vi tài khoản của bạn: không tải được.`,
  } as Record<string, (args: Record<string, string>) => string>,
  refusals: {
    things: THINGS,
    notFound: (thing: string, codes: string, count: number) =>
      count === 1
        ? `Không có ${thing} với mã ${codes}; chưa ghi nhận gì.`
        : `${count} mã ${thing} không có trong cơ sở dữ liệu: ${codes}; chưa ghi nhận gì.`,
    outside: (thing: string, codes: string, count: number) =>
      `${count === 1 ? `${thing[0]?.toUpperCase()}${thing.slice(1)}` : `${count} ${thing}`} nằm ngoài phạm vi tài khoản của bạn được ghi nhận: ${codes}; chưa ghi nhận gì.`,
  },
  asOf: {
    label: 'Số liệu đến ngày',
    today: 'Về hôm nay',
    lastActivity: (day: string) => `Dữ liệu được ghi nhận đến ngày ${day}.`,
    noActivity: 'Chưa có hoạt động nào được ghi nhận đến ngày này.',
    quiet: (days: number, day: string) =>
      `Không có hoạt động nào được ghi nhận trong ${days} ngày trước ngày đang xem; lần ghi nhận cuối cùng là ngày ${day}.`,
    showLast: (day: string) => `Xem số liệu ngày ${day}`,
    invalid: (raw: string) =>
      `Địa chỉ ghi ngày «${raw.slice(0, 40)}», không phải một ngày có thật: trang đang hiển thị số liệu hôm nay.`,
    future: (day: string, today: string) =>
      `Ngày ${day} là ngày trong tương lai (hôm nay là ${today}): trang đang hiển thị số liệu hôm nay.`,
    dismiss: 'Bỏ ngày này khỏi địa chỉ',
  },
  breadcrumbs: {
    label: 'Vị trí',
  },
  geography: {
    label: 'Địa giới hành chính',
    ofDay: (period: string) => `Theo ngày xem số liệu (${period})`,
    ofReportDay: (period: string) => `Theo ngày của báo cáo (${period})`,
    before: (day: string) => `trước ${day}`,
    between: (from: string, until: string) => `${from} – ${until}`,
    from: (day: string) => `từ ${day}`,
    formedFrom: 'Hình thành từ:',
    became: 'Nay là:',
    notInMap: (code: string, period: string) =>
      `Không có địa bàn mã ${code} trong địa giới hành chính ${period}. Mã này có ở:`,
    unknownArea: (code: string) => `Không có địa bàn nào mã ${code}.`,
  },
  units: {
    laggingTitle: (shown: number, total: string | null) =>
      total === null
        ? 'Các đơn vị có tỷ lệ kích hoạt thấp nhất'
        : shown < 20
          ? `Các đơn vị, tỷ lệ kích hoạt thấp nhất trước (${total} đơn vị)`
          : `${shown} đơn vị có tỷ lệ kích hoạt thấp nhất (trong ${total} đơn vị)`,
    mostLeftTitle: (shown: number, total: string | null) =>
      total === null
        ? 'Các đơn vị còn nhiều người chưa kích hoạt nhất'
        : `${shown} đơn vị còn nhiều người chưa kích hoạt nhất (trong ${total} đơn vị)`,
    mostLeftNote:
      'Xếp theo số người chưa kích hoạt (người tham gia − đã kích hoạt), bằng nhau thì đơn vị đông người hơn trước.',
    place: 'Xã / huyện',
    officer: 'Cán bộ phụ trách',
    noOfficer: 'Chưa phân công',
  },
  unit: {
    notActivatedOnly: 'Chỉ người chưa kích hoạt',
    later: 'Sau ngày đang xem',
    title: 'Đơn vị',
    identity: 'Thông tin đơn vị',
    sector: 'Khối',
    sectors: {
      HCSN: 'Hành chính sự nghiệp, Đảng, đoàn thể',
      DNNN: 'Doanh nghiệp nhà nước',
      FDI: 'Doanh nghiệp có vốn đầu tư nước ngoài',
      NQD: 'Doanh nghiệp ngoài quốc doanh',
      HTX: 'Hợp tác xã',
      KHAC: 'Khác',
    },
    taxCode: 'Mã số thuế',
    address: 'Địa chỉ',
    office: 'Cơ quan BHXH quản lý',
    funnel: 'Tiến độ của người lao động qua các bước',
    timeline: 'Quá trình triển khai tại đơn vị',
    history: 'Cán bộ phụ trách qua các thời kỳ',
    since: (from: string) => `từ ${from}`,
    between: (from: string, until: string) => `từ ${from} đến ${until}`,
    milestones: {
      LEADERSHIP_CONTACTED: 'Đã liên hệ lãnh đạo đơn vị',
      GUIDE_SENT: 'Đã gửi tài liệu hướng dẫn',
      REPRESENTATIVE_GUIDED: 'Đã hướng dẫn người đại diện',
      EMPLOYEES_GUIDED: 'Đã hướng dẫn người lao động',
      TRAINING_ATTENDED: 'Đã dự tập huấn',
    },
    persons: 'Người lao động của đơn vị',
    personsNote:
      'Mã số BHXH được che một phần. Mỗi lần xem hay tải danh sách về đều được ghi vào nhật ký truy cập.',
    personName: 'Họ và tên',
    siCode: 'Mã số BHXH',
    step: 'Bước đã đạt',
    blocker: 'Lý do chưa kích hoạt',
    noStep: 'Chưa đăng ký',
    steps: {
      REGISTERED: 'Đã đăng ký',
      APPROVED: 'Đã phê duyệt',
      ACTIVATED: 'Đã kích hoạt',
      FORM_SIGNED: 'Đã ký Mẫu 01',
      VERIFIED: 'Đã xác thực',
    },
    personsCount: (total: string) => `${total} người.`,
    nextPage: 'Trang sau',
    firstPage: 'Trang đầu',
  },
  officers: {
    title: 'Cán bộ phụ trách và tiến độ các đơn vị',
    officer: 'Cán bộ',
    units: 'Số đơn vị',
    nobody: 'Chưa phân công cán bộ',
    total: 'Tổng',
  },
  officerPage: {
    title: (name: string) => `Cán bộ ${name}`,
    subtitle: (office: string, day: string) => `${office} – số liệu đến ngày ${day}`,
    tilesTitle: 'Tổng quan các đơn vị phụ trách',
    unitsTitle: 'Đơn vị phụ trách, tỷ lệ kích hoạt thấp nhất trước',
    unitsLimit: (shown: string, total: string) => `Hiển thị ${shown} trong ${total} đơn vị.`,
    noUnits: 'Cán bộ này hiện chưa được phân công đơn vị nào.',
    trendNote: 'Tính trên các đơn vị cán bộ phụ trách vào ngày cuối của biểu đồ.',
  },
  officePage: {
    title: (name: string) => name,
    ownTitle: 'Các đơn vị cơ quan tôi quản lý',
    subtitle: (office: string, day: string) => `${office} – số liệu đến ngày ${day}`,
    tilesTitle: 'Tổng quan các đơn vị cơ quan quản lý',
    communesTitle: 'Theo xã, phường nơi đơn vị đặt trụ sở (chỉ các đơn vị cơ quan quản lý)',
    commune: 'Xã, phường',
    unitsTitle: 'Đơn vị quản lý, tỷ lệ kích hoạt thấp nhất trước',
    noUnits: 'Cơ quan này hiện không quản lý đơn vị nào.',
    trendNote: 'Tính trên các đơn vị cơ quan đang quản lý.',
  },
  blockers: {
    title: 'Lý do người tham gia chưa kích hoạt',
    reason: 'Lý do',
    persons: 'Số người',
    share: 'Tỷ lệ',
    total: 'Tổng số người chưa kích hoạt',
    caption:
      'Số người tham gia chưa kích hoạt VssID theo lý do cán bộ ghi nhận; cột xám nhạt: chưa ghi nhận lý do.',
    reasons: {
      NO_SMARTPHONE: 'Không có điện thoại thông minh',
      NO_ID_DOCUMENT: 'Không có CMND/CCCD',
      WRONG_PHONE: 'Sai số điện thoại',
      DATA_MISMATCH: 'Thông tin không khớp dữ liệu BHXH',
      DECLINED: 'Không đồng ý cài đặt',
      LEFT_UNIT: 'Đã nghỉ việc, chuyển đơn vị',
      OTHER: 'Lý do khác',
      UNKNOWN: 'Chưa ghi nhận lý do',
    },
  },
  recording: {
    mayTitle: 'Tài khoản này ghi nhận được',
    impliesConfirm: (count: string, implies: string) =>
      `${count} người trong danh sách chưa có bước trước đó. ${implies} Chưa có gì được ghi.`,
    writeAnyway: 'Vẫn ghi nhận',
    implies: {
      FORM_SIGNED:
        'Người chưa có bước trước sẽ được tính từ ngày này là đã đăng ký, đã phê duyệt và đã kích hoạt VssID.',
      VERIFIED:
        'Người chưa có bước trước sẽ được tính từ ngày này là đã đăng ký, đã phê duyệt, đã kích hoạt VssID và đã ký Mẫu 01.',
    } as Record<string, string>,
    may: {
      'steps:record': 'Mẫu 01 nhận được và hồ sơ đã xác thực của người lao động: ở biểu mẫu bên dưới.',
      'training:record': 'Buổi tập huấn và các đơn vị tham dự: ở biểu mẫu bên dưới.',
      'assignment:record': 'Phân công cán bộ phụ trách đơn vị: ở biểu mẫu bên dưới.',
      'milestone:record':
        'Mốc triển khai của đơn vị (đã liên hệ lãnh đạo, đã gửi hướng dẫn, …): trên trang của đơn vị, mục «Ghi nhận mốc triển khai».',
      'blocker:record':
        'Lý do người lao động chưa kích hoạt: trên trang của đơn vị, trong danh sách người lao động (nút «Ghi lý do»).',
    } as Record<string, string>,
    blockerTitle: (name: string) => `Ghi lý do chưa kích hoạt của ${name}`,
    blockerColumn: 'Ghi lý do',
    blockerRecord: 'Ghi lý do',
    blockerChange: 'Sửa lý do',
    blockerReason: 'Lý do',
    blockerPick: '— Chọn lý do —',
    blockerClear: '— Xóa lý do đã ghi —',
    blockerDone: (name: string, reason: string) => `Đã ghi lý do của ${name}: ${reason}.`,
    blockerCleared: (name: string) => `Đã xóa lý do của ${name}.`,
    cancel: 'Hủy',
    title: 'Ghi nhận tiến độ',
    subtitle:
      'Mẫu 01 nhận được và đã xác thực, buổi tập huấn, phân công cán bộ. Mỗi thay đổi được ghi vào nhật ký.',
    notForRole: 'Tài khoản này chỉ xem số liệu, không ghi nhận.',
    toUnits: 'Chọn đơn vị từ trang Tổng quan',
    nav: 'Ghi nhận',
    milestoneTitle: 'Ghi nhận mốc triển khai',
    milestone: 'Mốc',
    date: 'Ngày',
    note: 'Ghi chú',
    save: 'Ghi nhận',
    milestoneDone: (name: string, date: string) => `Đã ghi nhận: ${name} ngày ${date}.`,
    milestoneUnchanged: (name: string, date: string) =>
      `Không thay đổi: ${name} đã được ghi nhận từ ngày ${date}.`,
    stepsTitle: 'Mẫu 01 nhận được hoặc đã xác thực',
    step: 'Nội dung',
    formReceived: 'Đã nhận Mẫu 01 (đã ký)',
    formVerified: 'Đã xác thực',
    codes: 'Mã số BHXH',
    codesHint: 'Dán danh sách mã số BHXH, mỗi dòng một mã (10 chữ số)',
    codesCount: (n: string) => `${n} mã trong danh sách.`,
    stepsDone: (written: string, unchanged: string) =>
      `Đã ghi nhận ${written} người; ${unchanged} người đã có từ trước.`,
    trainingTitle: 'Buổi tập huấn',
    office: 'Mã cơ quan BHXH',
    heldOn: 'Ngày tập huấn',
    trainingName: 'Tên buổi tập huấn',
    location: 'Địa điểm',
    units: 'Mã đơn vị',
    unitsHint: 'Các mã đơn vị, cách nhau bởi dấu phẩy hoặc xuống dòng',
    trainingDone: (written: string, unchanged: string) =>
      `Đã ghi nhận ${written} đơn vị tham dự; ${unchanged} đơn vị đã có từ trước.`,
    assignTitle: 'Phân công cán bộ phụ trách',
    staff: 'Mã cán bộ',
    from: 'Phụ trách từ ngày',
    assignDone: (written: string, unchanged: string) =>
      `Đã phân công ${written} đơn vị; ${unchanged} đơn vị không đổi.`,
    auditTitle: 'Nhật ký ghi nhận',
    auditNote: (total: string) => `${total} thay đổi, mới nhất trước.`,
    auditWhen: 'Thời điểm',
    auditWho: 'Người ghi nhận',
    auditWhat: 'Nội dung',
    auditKey: 'Đối tượng',
    auditChange: 'Trước → sau',
  },
  imports: {
    title: 'Nhập dữ liệu từ tệp',
    subtitle: 'Tệp CSV hoặc XLSX xuất từ hệ thống nghiệp vụ. Kiểm tra trước, rồi mới ghi vào cơ sở dữ liệu.',
    notForRole: 'Tài khoản này không nhập dữ liệu.',
    nav: 'Nhập dữ liệu',
    uploadTitle: 'Tải tệp lên',
    kind: 'Loại dữ liệu',
    kinds: {
      units: 'Đơn vị sử dụng lao động',
      persons: 'Người tham gia BHXH',
      steps: 'Tiến độ đăng ký, kích hoạt VssID',
      milestones: 'Mốc triển khai tại đơn vị',
      assignments: 'Phân công cán bộ phụ trách',
      staff: 'Cán bộ',
      offices: 'Cơ quan BHXH',
      areas: 'Địa bàn hành chính',
    },
    template: 'Tệp mẫu:',
    file: 'Tệp',
    encoding: 'Bảng mã',
    encodingAuto: 'Tự nhận biết (UTF-8)',
    skipInvalid: 'Bỏ qua dòng lỗi, ghi các dòng hợp lệ',
    check: 'Kiểm tra',
    apply: 'Ghi vào cơ sở dữ liệu',
    checking: 'Đang kiểm tra…',
    applying: 'Đang ghi…',
    rowsSoFar: (n: string) => `đã đọc ${n} dòng.`,
    noAnswer: 'Máy chủ không trả lời đầy đủ; chưa có gì được ghi.',
    failedOnServer: 'Máy chủ gặp lỗi khi nhập tệp; chưa có gì được ghi.',
    tooLarge: 'Tệp lớn hơn giới hạn tải lên qua trình duyệt; hãy nhập bằng lệnh pnpm cli import.',
    badFileName: 'Tên tệp không hợp lệ; hãy đổi tên tệp rồi thử lại.',
    wouldApply: (created: string, updated: string, unchanged: string) =>
      `Tệp hợp lệ: sẽ thêm ${created}, cập nhật ${updated}, giữ nguyên ${unchanged} bản ghi. Bấm "Ghi vào cơ sở dữ liệu" để ghi.`,
    wouldReject: (errors: string) =>
      `Tệp có ${errors} lỗi; chưa ghi gì. Sửa tệp theo danh sách dưới đây rồi kiểm tra lại.`,
    applied: (created: string, updated: string, unchanged: string) =>
      `Đã ghi: thêm ${created}, cập nhật ${updated}, giữ nguyên ${unchanged} bản ghi.`,
    rejected: (errors: string) => `Không ghi: tệp có ${errors} lỗi.`,
    counts: (read: string, rejected: string, warnings: string) =>
      `${read} dòng dữ liệu; ${rejected} dòng lỗi; ${warnings} cảnh báo.`,
    already: (at: string, by: string) =>
      `Tệp này đã được nhập lúc ${at} bởi ${by}; nhập lại không thay đổi gì.`,
    problemsTitle: 'Các lỗi và cảnh báo theo dòng',
    row: 'Dòng',
    column: 'Cột',
    severity: 'Mức độ',
    problem: 'Nội dung',
    error: 'Lỗi',
    warning: 'Cảnh báo',
    omitted: (n: string) => `Còn ${n} lỗi khác không hiển thị.`,
    historyTitle: 'Lịch sử nhập dữ liệu',
    when: 'Thời điểm',
    who: 'Người nhập',
    rowsRead: 'Số dòng',
    rowsWritten: 'Đã ghi',
    rowsRejected: 'Dòng lỗi',
    outcome: 'Kết quả',
    outcomes: {
      APPLIED: 'Đã ghi',
      REJECTED: 'Bị từ chối',
      DRY_RUN: 'Chỉ kiểm tra',
      FAILED: 'Lỗi hệ thống',
      RUNNING: 'Đang nhập',
    },
  },
  goal: {
    title: 'Chỉ tiêu, tốc độ và dự báo',
    target: (rate: string, deadline: string, area: string) =>
      `Chỉ tiêu: ${rate} người tham gia kích hoạt VssID trước ${deadline} (chỉ tiêu của ${area}).`,
    none: (rate: string) => `Chưa đặt chỉ tiêu; dự báo tính cho mức ${rate}.`,
    current: (rate: string) => `Hiện đạt ${rate}.`,
    met: 'Đã đạt chỉ tiêu.',
    needed: (count: string) => `Còn thiếu ${count} người kích hoạt;`,
    perDay: (perDay: string, days: string) => `cần ${perDay} người mỗi ngày trong ${days} ngày còn lại.`,
    overdue: 'đã quá hạn.',
    pace: (last7: string, last28: string) =>
      `Tốc độ: ${last7} người/ngày (7 ngày qua), ${last28} người/ngày (28 ngày qua).`,
    forecast: (rate: string, date: string) => `Với tốc độ 28 ngày qua, đạt ${rate} vào ngày ${date}.`,
    never: (rate: string) => `Với tốc độ 28 ngày qua, sẽ không đạt ${rate}.`,
  },
  trend: {
    title: (days: number) => `Diễn biến ${days} ngày qua`,
    daily: 'Kích hoạt mới trong ngày',
    day: 'Ngày',
    asTable: 'Xem số liệu dạng bảng',
    caption:
      'Số người đã đạt từng bước, cộng dồn theo ngày (đường), và số người kích hoạt mới mỗi ngày (cột xám, trục bên phải).',
  },
  unitsTable: {
    title: 'Danh sách đơn vị',
    filters: 'Tìm và lọc đơn vị',
    search: 'Tìm theo mã hoặc tên',
    searchHint: 'ví dụ: khanh hoa',
    all: 'Tất cả',
    any: 'Không lọc',
    reached: 'Đã đạt mốc',
    notContacted: 'Chưa liên hệ',
    apply: 'Áp dụng',
    previous: 'Trang trước',
    pastEnd: (total: string) => `Trang này quá cuối danh sách (${total} đơn vị).`,
    showing: (from: string, to: string, total: string) => `Đơn vị ${from}–${to} trong ${total}.`,
  },
  todo: {
    title: 'Việc còn phải làm',
    notContacted: 'Đơn vị chưa liên hệ',
    notGuided: 'Đã liên hệ, chưa hướng dẫn người đại diện',
    none: 'Không còn đơn vị nào.',
  },
  login: {
    expired: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại để quay về đúng trang đang xem.',
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
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    signOut: 'Đăng xuất',
    checking: 'Đang kiểm tra phiên đăng nhập…',
    /** An account bound to an office (DISTRICT role) rather than an area. */
    officeRole: 'Lãnh đạo cơ quan BHXH',
    roles: ROLES,
  },
  state: {
    loading: 'Đang tải…',
    empty: 'Chưa có dữ liệu',
    error: (message: string) => `Không tải được dữ liệu: ${message}`,
    retry: 'Thử lại',
    unknownError: 'lỗi không xác định',
    forbidden: 'số liệu này nằm ngoài phạm vi tài khoản của bạn được xem',
    networkError: 'không kết nối được máy chủ; kiểm tra mạng rồi thử lại',
    chartCode: 'không tải được phần mã vẽ biểu đồ (mạng hoặc máy chủ vừa được cập nhật)',
    /** Errors without a reason of their own, by their code. */
    codes: {
      UNAUTHENTICATED: 'phiên đăng nhập đã hết; hãy đăng nhập lại',
      TOO_MANY_REQUESTS: 'tài khoản gửi quá nhiều yêu cầu trong một phút; thử lại sau giây lát',
      QUERY_TIMEOUT:
        'câu hỏi cần quá nhiều thời gian và đã được dừng; hãy thu hẹp phạm vi hoặc khoảng thời gian',
      BAD_USER_INPUT: 'dữ liệu nhập không hợp lệ',
      NOT_FOUND: 'không tìm thấy nội dung được yêu cầu',
      GRAPHQL_VALIDATION_FAILED: 'yêu cầu không hợp lệ hoặc quá lớn',
      GRAPHQL_PARSE_FAILED: 'yêu cầu không hợp lệ',
      BAD_REQUEST: 'yêu cầu không hợp lệ',
      INTERNAL_SERVER_ERROR: 'máy chủ gặp lỗi; thử lại sau, nếu vẫn lỗi hãy báo quản trị hệ thống',
    } as Record<string, string>,
    serverBusy: 'máy chủ đang bận trả lời nhiều yêu cầu; thử lại sau giây lát',
    databaseBusy: 'cơ sở dữ liệu đang ghi dữ liệu nhập; tự thử lại sau giây lát',
    databaseUnavailable: 'cơ sở dữ liệu tạm thời không trả lời; thử lại sau vài giây',
    waiting: {
      DATABASE_BUSY: 'cơ sở dữ liệu đang ghi dữ liệu nhập; tự thử lại sau giây lát',
      SERVER_BUSY: 'máy chủ đang bận trả lời nhiều yêu cầu; tự thử lại sau giây lát',
      SERVICE_UNAVAILABLE: 'cơ sở dữ liệu tạm thời không trả lời; tự thử lại sau vài giây',
      NETWORK: 'không kết nối được máy chủ; tự thử lại sau vài giây',
    },
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
    change: (change: string) => `${change} trong 7 ngày qua`,
  },
  chart: {
    caption: (parts: string, area: string, rate: string) =>
      `Tỷ lệ người tham gia đã kích hoạt VssID ở từng ${parts}, xếp từ cao xuống thấp. ` +
      `Đường nét đứt: tỷ lệ chung của ${area} (${rate}). Số liệu chi tiết ở bảng bên dưới.`,
    goalLine: (rate: string) => `Mục tiêu ${rate}`,
    goalCaption: (rate: string) => `Đường chấm: mục tiêu ${rate}.`,
    seriesName: 'Tỷ lệ kích hoạt',
    tooltipSeparator: ': ',
    areaLine: (area: string, rate: string) => `${area} ${rate}`,
    tooltipCounts: (activated: string, target: string) => `${activated} / ${target} người đã kích hoạt`,
  },
  /** The map of an area's parts (components/maps/). */
  map: {
    skip: 'Bỏ qua bản đồ',
    title: (parts: string) => `Bản đồ kích hoạt VssID theo ${parts}`,
    viewsLabel: 'Tô màu theo',
    viewRate: 'Tỷ lệ kích hoạt',
    viewRemaining: 'Số người chưa kích hoạt',
    svgLabel: (parts: string) => `Bản đồ ${parts}; mỗi vùng là một liên kết đến địa bàn đó`,
    areaName: (name: string, value: string) => `${name}: ${value}`,
    remaining: (count: string) => `${count} người chưa kích hoạt`,
    counts: (activated: string, target: string) => `${activated} / ${target} người đã kích hoạt`,
    noPersons: 'Chưa có người tham gia',
    legendRate: 'Tỷ lệ kích hoạt',
    legendRemaining: 'Số người chưa kích hoạt',
    legendMethod: 'Chia lớp theo phân vị: mỗi lớp có số địa bàn gần bằng nhau.',
    range: (min: string, max: string) => (min === max ? min : `${min} – ${max}`),
    areasInClass: (count: string) => `${count} địa bàn`,
    goalInClass: (rate: string) => `mục tiêu ${rate} thuộc lớp này`,
    goalAbove: (rate: string) => `Mục tiêu ${rate}: chưa địa bàn nào đạt`,
    reached: (count: string, rate: string) => `${count} địa bàn đạt mục tiêu ${rate}`,
    districtsNote:
      'Ranh giới huyện năm 2021 dựng lại bằng cách gộp các xã, phường năm 2025; các xã của tỉnh Ninh Thuận cũ không thuộc bản đồ này.',
    missing: (names: string) => `Chưa có ranh giới để vẽ: ${names}.`,
    credit:
      'Ranh giới hành chính: thanglequoc/vietnamese-provinces-database (giấy phép MIT), theo Bản đồ tham khảo đơn vị hành chính Việt Nam của Nhà xuất bản Tài nguyên – Môi trường và Bản đồ Việt Nam.',
    tableLabel: 'Số liệu của bản đồ',
    classColumn: 'Lớp màu',
  },
  table: {
    caption: (parts: string) => `Người tham gia, đăng ký, kích hoạt VssID và đơn vị đã liên hệ theo ${parts}`,
    scrollLabel: (parts: string) => `Bảng số liệu theo ${parts} (cuộn ngang được)`,
    target: 'Người tham gia',
    registered: 'Đã đăng ký',
    activated: 'Đã kích hoạt',
    activationRate: 'Tỷ lệ kích hoạt',
    unitsContacted: 'Đơn vị đã liên hệ',
    change7: 'Kích hoạt 7 ngày qua',
    rank: 'Hạng',
    notActivated: 'Chưa kích hoạt',
    sortAscending: 'Sắp xếp tăng dần',
    sortDescending: 'Sắp xếp giảm dần',
    totalRow: (area: string) => (area.startsWith('Tỉnh') ? 'Toàn tỉnh' : `Toàn ${area}`),
  },
  unavailable: {
    notFound: {
      unit: (id: string) => `Không tìm thấy đơn vị ${id}`,
      officer: (id: string) => `Không tìm thấy cán bộ ${id}`,
      area: (id: string) => `Không tìm thấy địa bàn ${id}`,
      office: (id: string) => `Không tìm thấy cơ quan BHXH ${id}`,
    },
    outside: {
      unit: 'Đơn vị này nằm ngoài phạm vi của tài khoản',
      officer: 'Cán bộ này nằm ngoài phạm vi của tài khoản',
      area: 'Địa bàn này nằm ngoài phạm vi của tài khoản',
      office: 'Cơ quan BHXH này nằm ngoài phạm vi của tài khoản',
    },
    notFoundHint: 'Mã trong địa chỉ không có trong cơ sở dữ liệu: có thể đã gõ nhầm, hoặc liên kết đã cũ.',
    outsideHint:
      'Tài khoản của bạn chỉ xem được số liệu trong phạm vi được giao. Nếu cần xem, hãy liên hệ quản trị hệ thống.',
    back: 'Quay lại trang trước',
  },
  downloads: {
    csv: 'Tải CSV',
    xlsx: 'Tải Excel',
    failed: 'Không tạo được tệp. Hãy thử lại.',
    tooMany: (count: string, max: string) =>
      `Danh sách có ${count} dòng, quá ${max} dòng một tệp: hãy lọc bớt rồi tải lại.`,
  },
  notFound: {
    title: 'Không tìm thấy trang',
    body: 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.',
    home: 'Về trang tổng quan',
  },
};

/** The shape every language catalogue must have. */
export type Messages = typeof vi;
