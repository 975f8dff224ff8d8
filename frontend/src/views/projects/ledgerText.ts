import type { ContactKind, LeadSource, LeadStatus, ProjectStage, ProjectStatus } from '../../api/types';

/** The Chinese words of the ledger views (招商线索, 项目台账); the server sends its own *Zh labels too. */
export const L = {
  leadsTitle: '招商线索',
  projectsTitle: '项目台账',
  unknown: '未知',
  yi: '亿元',
  source: { LIST: '清单', BUSINESS_REFERRAL: '以商招商', EXPO: '展会', SELF: '自荐', OTHER: '其他' } as Record<LeadSource, string>,
  leadStatus: { NEW: '新线索', FOLLOWING: '跟进中', DROPPED: '已放弃', CONVERTED: '已转项目' } as Record<LeadStatus, string>,
  contactKind: { VISIT: '走访', CALL: '电话', MEETING: '会谈', OTHER: '其他' } as Record<ContactKind, string>,
  stage: {
    PLANNING: '谋划',
    NEGOTIATING: '洽谈',
    SIGNED: '签约',
    STARTED: '开工',
    BUILDING: '建设',
    IN_PRODUCTION: '投产',
    AT_CAPACITY: '达产',
  } as Record<ProjectStage, string>,
  projectStatus: { ACTIVE: '推进中', SUSPENDED: '暂缓', TERMINATED: '终止' } as Record<ProjectStatus, string>,
  stale: '久未跟进',
  overdue: '逾期',
  required: (what: string) => `请填写${what}`,
  tooLong: (what: string, max: number) => `${what}不能超过 ${max} 字`,
  notAfterToday: (what: string) => `${what}不能晚于今天`,
};
