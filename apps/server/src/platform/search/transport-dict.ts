/**
 * Transport terms jieba's general dictionary lacks or splits (it cuts 网约车 into 网/约/车):
 * words of the 12328 hotline, road transport, highways, waterways and maritime. Each is loaded
 * with a frequency high enough to win over the general dictionary's splits.
 */
const TERMS = `
  12328 12345 交通运输服务监督热线 即时答复 不予受理 转办 签收 退回 延期 催办 督办 回访 重办
  办结 归档 工单 流水号 提取码 承办单位
  网约车 网约车平台 网约车驾驶员 网约车驾驶员证 网络预约出租汽车 巡游出租车 巡游出租汽车 出租车 出租汽车
  顺风车 私人小客车合乘 拒载 绕路 议价 甩客 宰客 计价器 打表 空驶 拼车 包车 包车客车 班线客车 客运班线
  定制客运 客运站 汽车客运站 长途客车 旅游客车 公交车 公交线路 公交卡 公交站台 地铁 城市轨道交通 城市客运
  道路客运 道路运输 道路运输证 道路运输经营许可证 从业资格证 驾驶员证 运输证 营运证 营运车辆 非法营运 黑车
  两客一危 两客一危一重 重型货车 危险货物 危险货物道路运输 危货车 押运员 普通货运 货运车辆 货车司机
  冷链运输 驾驶培训 驾校 机动车维修 维修企业 二级维护 综合性能检测 车辆年审 年审 卫星定位 动态监控
  北斗终端 疲劳驾驶 超速 超员 超限 超载 超限超载 超限运输 大件运输 治超 治超站 称重 轴载 车货总重 卸载
  复检
  高速公路 收费公路 收费站 通行费 通行费减免 ETC ETC卡 鲜活农产品 绿色通道 绿通 节假日免费通行
  小型客车免费通行 服务区 路政 路政许可 公路养护 路面坑槽 桩号 国道 省道 县道 农村公路 路产 路损
  施工占道 交通管制 桥梁限重
  水路运输 内河航运 航道 船闸 过闸 港口 码头 客渡船 渡口 渡船 游船 船员 船员证书 适任证书 船舶登记
  船舶检验 海事 海事局 救助打捞 水上搜救 海上搜救 搜救中心 船舶污染 锚地 引航
  交通运输部 交通运输厅 交通运输局 运管 运管所 综合执法 交通执法 行政许可 行政处罚 信用评价 质量信誉考核
  投诉举报 信息咨询 意见建议
`;

export const TRANSPORT_TERMS: readonly string[] = TERMS.split(/\s+/).filter(Boolean);

/** The terms as a jieba user dictionary (`word freq tag` per line), lower case as text is cut. */
export function transportDictionary(): Uint8Array {
  return new TextEncoder().encode(TRANSPORT_TERMS.map((term) => `${term.toLowerCase()} 100000 n`).join('\n'));
}
