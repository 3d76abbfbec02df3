export { CloudDNS, type CloudDNSOptions } from "./dns";
export { PyraxCloudDNS, type PyraxPaging } from "./compat";
export type { Backend, JobSettings } from "./backend";
export {
  DNSCallTimedOut,
  DNSJobFailed,
  DomainCreationFailed,
  DomainDeletionFailed,
  DomainExportFailed,
  DomainRecordAdditionFailed,
  DomainRecordDeletionFailed,
  DomainRecordNotFound,
  DomainRecordNotUnique,
  DomainRecordUpdateFailed,
  DomainUpdateFailed,
  InvalidDeviceType,
  NoMoreResults,
  NoSuchDomain,
  NoSuchJob,
  NotSupportedByBackend,
  PTRRecordCreationFailed,
  PTRRecordDeletionFailed,
  PTRRecordUpdateFailed,
} from "./errors";
export type { DomainRef, RecordRef } from "./ref";
export { MIN_TTL } from "./ref";
export { Domain, Domains } from "./domains/domains";
export type { CreateDomainInput, DomainData, GetDomainInput, ListDomainsInput, ListSubdomainsInput, SubdomainInput, UpdateDomainInput } from "./domains/models";
export { DnsRecord, Records } from "./records/records";
export { RECORD_TYPES, type FindRecordInput, type ListRecordsInput, type RecordData, type RecordInput, type RecordType, type UpdateRecordInput } from "./records/models";
export { PtrRecords } from "./ptr/ptr";
export type { PtrDevice, PtrInput, PtrRecordData, PtrServiceName, UpdatePtrInput } from "./ptr/models";
export { Jobs } from "./jobs/jobs";
export type { JobCallOptions, JobData, JobError, JobFault, JobStatus as DnsJobStatus, ListJobsInput } from "./jobs/models";
