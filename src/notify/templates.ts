/**
 * Notification texts. Each names the article behind it, so the family can read why.
 * `{name}` placeholders are filled from the payload; texts never carry ID or phone numbers.
 */
export interface Template {
  subject: string;
  body: string;
  /** Short text for SMS (no links to personal data). */
  sms: string;
}

export const TEMPLATES = {
  application_submitted: {
    subject: '入库申请已提交',
    body: '您的保障性住房轮候库申请（登记号 {regCode}）已提交，正在由{district}住房城乡建设部门审核（济政发〔2025〕3号 第八条）。',
    sms: '【泉城安居】您的轮候库申请{regCode}已提交，请等待审核。',
  },
  application_returned: {
    subject: '申请被退回补正',
    body: '您的申请（登记号 {regCode}）被退回补正，原因：{reason}。请修改后重新提交。',
    sms: '【泉城安居】您的申请{regCode}需补正，请登录查看原因。',
  },
  application_rejected: {
    subject: '申请未通过审核',
    body: '您的申请（登记号 {regCode}）未通过审核，原因：{reason}。',
    sms: '【泉城安居】您的申请{regCode}未通过审核，请登录查看原因。',
  },
  application_admitted: {
    subject: '准予入库通知',
    body: '您的家庭已纳入济南市保障性住房轮候库，准予入库通知书编号 {noticeNo}，入库日期 {admittedOn}。请在 {deadline} 前（含当日）确认家庭信息（济政发〔2025〕3号 第八条）。',
    sms: '【泉城安居】您的家庭已纳入轮候库，通知书{noticeNo}，请登录下载。',
  },
  change_submitted: {
    subject: '信息变更已提交',
    body: '您的信息变更申请（登记号 {regCode}）已提交，审核期间保留轮候资格（济政发〔2025〕3号 第九条）。',
    sms: '【泉城安居】您的信息变更申请已提交。',
  },
  change_approved: {
    subject: '信息变更已通过',
    body: '您的信息变更（登记号 {regCode}）已审核通过（济政发〔2025〕3号 第九条）。',
    sms: '【泉城安居】您的信息变更已审核通过。',
  },
  change_rejected: {
    subject: '信息变更未通过',
    body: '您的信息变更（登记号 {regCode}）未通过审核，原因：{reason}。原登记信息继续有效。',
    sms: '【泉城安居】您的信息变更未通过，请登录查看原因。',
  },
  withdrawn: {
    subject: '已退出轮候库',
    body: '您的申请（登记号 {regCode}）已按您的要求撤回或退出轮候库（济政发〔2025〕3号 第九条）。',
    sms: '【泉城安居】您已退出轮候库（{regCode}）。',
  },
  confirmed: {
    subject: '家庭信息已确认',
    body: '您已确认家庭信息（登记号 {regCode}），轮候资格有效期重新计算，下次确认截止日 {deadline}（济政发〔2025〕3号 第八条）。',
    sms: '【泉城安居】家庭信息已确认，下次确认截止{deadline}。',
  },
  reconfirm_reminder: {
    subject: '请确认家庭信息',
    body: '您的家庭纳入轮候库已近2年（登记号 {regCode}），请在 {deadline} 前（含当日）登录确认家庭信息，逾期未确认将失去轮候资格（济政发〔2025〕3号 第八条）。',
    sms: '【泉城安居】请于{deadline}前登录确认家庭信息，逾期将失去轮候资格。',
  },
  lapsed: {
    subject: '轮候资格已失效',
    body: '您的家庭（登记号 {regCode}）未在 {deadline} 前确认信息，轮候资格已失效；您可重新提交入库申请（济政发〔2025〕3号 第八条）。',
    sms: '【泉城安居】您的轮候资格已失效，可重新申请。',
  },
  removed: {
    subject: '已移出轮候库',
    body: '经核查（{noticeNo}），您的家庭（登记号 {regCode}）不再满足保障条件，已移出轮候库。原因：{reason}（济政发〔2025〕3号 第九条）。',
    sms: '【泉城安居】经核查您的家庭已移出轮候库，请登录查看原因。',
  },
  cancelled: {
    subject: '购房资格已取消',
    body: '经查，您的家庭（登记号 {regCode}）以不实材料取得保障资格，依据济政发〔2025〕3号 第三十一条第（一）项取消购房资格。原因：{reason}。',
    sms: '【泉城安居】您的购房资格已被取消，请登录查看原因。',
  },
  contract_generated: {
    subject: '购房合同已生成',
    body: '您的保障性住房买卖合同（{contractNo}）已生成，请核对后于 {deadline} 前（含当日）在线签署；逾期未签署视为放弃所选房源（济政发〔2025〕3号 第十一条、第十四条）。',
    sms: '【泉城安居】您的购房合同{contractNo}已生成，请于{deadline}前登录签署。',
  },
  contract_signed: {
    subject: '购房合同已签署',
    body: '您已签署保障性住房买卖合同（{contractNo}，{unit}）。已缴认购金 {creditedYuan} 元已折抵购房款；您在其他项目的认购登记已终止，认购金予以返还（济政发〔2025〕3号 第十一条）。',
    sms: '【泉城安居】您已签署购房合同{contractNo}，其他项目认购登记已终止。',
  },
  contract_lapsed: {
    subject: '购房合同已失效',
    body: '您未在 {deadline} 前（含当日）签署买卖合同（{contractNo}），所选房源已释放；已缴认购金在项目配售结束后返还（济政发〔2025〕3号 第十一条）。',
    sms: '【泉城安居】您的购房合同{contractNo}逾期未签署，房源已释放。',
  },
  // After the sale (第二十、二十二、二十三、三十一条): written by src/commands/unit-events, src/commands/fraud, src/jobs/multi-unit.ts.
  unit_case_opened: {
    subject: '住房使用情况立案通知',
    body: '您持有的保障性住房（{unit}）经核实存在{kindLabel}情形，已立案（{caseNo}）。保障性住房不得用于家庭自住以外的其他用途，除购房贷款抵押外不得用于其他抵押或清偿债务（济政发〔2025〕3号 {article}）。请按要求整改。',
    sms: '【泉城安居】您的保障性住房{unit}已立案{caseNo}，请登录查看并整改。',
  },
  multi_unit_obligation: {
    subject: '多套保障性住房退出期限',
    body: '因{kindLabel}，您家庭现持有{unitsHeld}套保障性住房。按济政发〔2025〕3号 第二十二条，可保留其中1套，超出1套的应在 {deadline} 前（含当日，自 {changeOn} 起60日内）申请退出其中1套。',
    sms: '【泉城安居】您家庭持有{unitsHeld}套保障性住房，请于{deadline}前申请退出其中1套（第二十二条）。',
  },
  multi_unit_reminder: {
    subject: '多套保障性住房退出期限提醒',
    body: '{holder}持有{unitsHeld}套保障性住房，应在 {deadline} 前（含当日）申请退出其中1套，还剩{daysLeft}天（济政发〔2025〕3号 第二十二条）。',
    sms: '【泉城安居】请于{deadline}前申请退出多出的1套保障性住房，还剩{daysLeft}天（第二十二条）。',
  },
  multi_unit_overdue: {
    subject: '多套保障性住房逾期未申请退出',
    body: '{holder}持有{unitsHeld}套保障性住房，应在 {deadline} 前申请退出其中1套，至今未申请，已逾期（济政发〔2025〕3号 第二十二条）。请依规处理。',
    sms: '【泉城安居】{holder}逾期未申请退出多出的保障性住房（第二十二条），请处理。',
  },
  fraud_decided: {
    subject: '弄虚作假骗取保障资格处理决定',
    body: '经查实，您家庭在申购保障性住房过程中弄虚作假骗取保障资格（{finding}）。按济政发〔2025〕3号 第三十一条{clause}，决定{actionLabel}（决定书 {decisionNo}）。{detail}',
    sms: '【泉城安居】您家庭骗取保障资格，已作出处理决定{decisionNo}（第三十一条），请登录查看。',
  },
  // Exits (第二十四至二十七条): written by src/commands/exits.
  exit_submitted: {
    subject: '退出申请已提交',
    body: '{unit}的{routeLabel}申请（{exitNo}）已于 {submittedOn} 提交，住房城乡建设部门将会同有关部门核查（济政发〔2025〕3号 第二十五、二十六条）。{note}',
    sms: '【泉城安居】{unit}的{routeLabel}申请{exitNo}已提交，等待核查。',
  },
  exit_accepted: {
    subject: '退出申请已受理',
    body: '{unit}的{routeLabel}申请（{exitNo}）已于 {acceptedOn} 受理，原则上于 {dueOn} 前完成（济政发〔2025〕3号 第二十六条）。按公布的测算方式，{valuedOn} 的回购价格为 ¥{priceYuan}（第二十七条）。',
    sms: '【泉城安居】{unit}的退出申请{exitNo}已受理，原则上{dueOn}前完成。',
  },
  exit_refused: {
    subject: '退出申请不予受理',
    body: '{unit}的{routeLabel}申请（{exitNo}）不予受理：{reason}（济政发〔2025〕3号 第二十五、二十六条）。',
    sms: '【泉城安居】{unit}的退出申请{exitNo}不予受理，请登录查看原因。',
  },
  // Buyback (第二十七至二十九条): written by src/commands/buybacks.
  buyback_contract_ready: {
    subject: '回购合同已拟定',
    body: '{unit}的回购合同（{contractNo}）已拟定：回购价格 ¥{priceYuan}，签约后先行支付 ¥{firstYuan}，完成转移登记和房屋腾退后结清余款 ¥{balanceYuan}；请于 {vacateByOn} 前（含当日）完成腾退（济政发〔2025〕3号 第二十八、二十九条）。',
    sms: '【泉城安居】{unit}的回购合同{contractNo}已拟定，请留意签约通知。',
  },
  buyback_contract_signed: {
    subject: '回购合同已签订',
    body: '{unit}的回购合同（{contractNo}）已签订。回购价款分批支付：先行支付 ¥{firstYuan}；完成不动产转移登记和房屋腾退（水电气暖和物业费结算、户口迁出）后结清余款（济政发〔2025〕3号 第二十九条）。',
    sms: '【泉城安居】{unit}的回购合同{contractNo}已签订。',
  },
  buyback_paid: {
    subject: '回购价款已支付',
    body: '{unit}的回购价款（{contractNo}）{stageLabel} ¥{amountYuan} 已于 {paidOn} 支付：其中付贷款人 ¥{lenderYuan}，付您 ¥{familyYuan}（济政发〔2025〕3号 第二十九条：优先清偿购房贷款）。',
    sms: '【泉城安居】{unit}回购价款{stageLabel}¥{amountYuan}已支付。',
  },
  buyback_completed: {
    subject: '房屋回购已完成',
    body: '{unit}的回购（{exitNo}）已于 {completedOn} 完成：回购价款 ¥{priceYuan} 已结清，维修资金余额 ¥{refundYuan} 予以退还（济政发〔2025〕3号 第二十九条）。您的家庭已退出保障性住房保障（第二十四条）。',
    sms: '【泉城安居】{unit}的回购已完成，维修资金余额¥{refundYuan}予以退还。',
  },
  selection_expired: {
    subject: '所选房源已释放',
    body: '您选定房源后未在 {deadline} 前（含当日）签订买卖合同，所选房源已释放；已缴认购金在项目配售结束后返还（济政发〔2025〕3号 第十一条）。',
    sms: '【泉城安居】您选定的房源逾期未签约，已释放。',
  },
  // 认购金 (第十一条): written by src/commands/registrations and src/jobs/refunds.ts.
  registration_paid: {
    subject: '认购金已缴纳',
    body: '您已为{projectName}缴纳认购金{amount}（认购登记号 {regNo}），已纳入该项目摇号排序库。认购金可折抵购房款，未签约的将在配售结束后退还（济政发〔2025〕3号 第十一条）。',
    sms: '【泉城安居】{projectName}认购金{amount}已缴纳，登记号{regNo}。',
  },
  registration_closed: {
    subject: '认购登记已结束',
    body: '您在{projectName}的认购登记（{regNo}）已结束：{reason}（济政发〔2025〕3号 第十一条）。',
    sms: '【泉城安居】您在{projectName}的认购登记{regNo}已结束，请登录查看。',
  },
  deposit_refunded: {
    subject: '认购金退还',
    body: '您在{projectName}的认购金{amount}（认购登记号 {regNo}）将原路退还。原因：{reason}（济政发〔2025〕3号 第十一条）。',
    sms: '【泉城安居】{projectName}认购金{amount}将原路退还，请留意到账。',
  },
  deposit_refund_settled: {
    subject: '认购金已退回',
    body: '{projectName}的认购金{amount}（认购登记号 {regNo}）已由银行退回原支付账户，银行流水号 {bankRef}。',
    sms: '【泉城安居】{projectName}认购金{amount}已退回原账户。',
  },
  selection_called: {
    subject: '选房通知',
    body: '您在{projectName}的摇号顺序号为第{rank}号，已进入第{batchNo}批选房。请于 {closesAt} 前登录选定房源，每个家庭限购1套（济政发〔2025〕3号 第十一条）。',
    sms: '【泉城安居】您已进入{projectName}第{batchNo}批选房，请于{closesAt}前登录选房。',
  },
  selection_locked: {
    subject: '选房成功',
    body: '您已选定{projectName} {unit}，总价 {price}。请按时生成并签订购房合同，逾期未签约的房源将被收回（济政发〔2025〕3号 第十一条、第十四条）。',
    sms: '【泉城安居】您已选定{projectName} {unit}，请按时签约。',
  },
  selection_no_show: {
    subject: '未在规定时间内选房',
    body: '您未在{projectName}第{batchNo}批选房时间内选定房源，本次选房机会已结束（济政发〔2025〕3号 第十一条）。您缴纳的认购金在项目配售结束后返还。',
    sms: '【泉城安居】您未在规定时间内选房，本次选房已结束。',
  },
  selection_refused: {
    subject: '已放弃本次选房',
    body: '您已放弃{projectName}第{batchNo}批选房{note}（济政发〔2025〕3号 第十一条）。您缴纳的认购金在项目配售结束后返还。',
    sms: '【泉城安居】您已放弃{projectName}本次选房。',
  },
  // Internal transfer (第二十四条): written by src/commands/transfers.
  transfer_offer_open: {
    subject: '轮候家庭内部流转房源征集',
    body: '{projectName} {unit} 现向轮候家庭内部流转，价格 {price}。有意购买的轮候家庭请于 {closesOn} 前（含当日）登录登记意向；按轮候顺序确定受让家庭，每个家庭限购1套（济政发〔2025〕3号 第二十四条、第五条）。',
    sms: '【泉城安居】{projectName}有内部流转房源，请于{closesOn}前登录登记意向。',
  },
  transfer_matched: {
    subject: '内部流转房源已确定由您受让',
    body: '按轮候顺序，您的家庭受让{projectName} {unit}，价格 {price}。请配合办理不动产转移登记（济政发〔2025〕3号 第二十四条）。',
    sms: '【泉城安居】您已确定受让{projectName} {unit}，请留意转移登记通知。',
  },
  transfer_registered: {
    subject: '内部流转转移登记完成',
    body: '{projectName} {unit} 已完成不动产转移登记（证书号 {certificateNo}），房屋维修资金账户随房屋转移（济政发〔2025〕3号 第二十四条）。',
    sms: '【泉城安居】{projectName} {unit}内部流转转移登记已完成。',
  },
} as const satisfies Record<string, Template>;

export type TemplateName = keyof typeof TEMPLATES;

/** Fill `{key}` placeholders; a missing key stays visible rather than vanishing silently. */
export function fill(text: string, params: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined || params[k] === null ? m : String(params[k])));
}
