// What a new Rackspace account sees in every region: the flavor table (names, sizes and extra
// specs as Rackspace lists them) and a handful of the base images from the seed's listing.

export interface FlavorRecord {
  id: string;
  name: string;
  ram: number;
  disk: number;
  vcpus: number;
  swap: number | "";
  ephemeral: number;
  rxtxFactor: number;
  extraSpecs: Record<string, string>;
}

const flavor = (id: string, name: string, ram: number, disk: number, vcpus: number, ephemeral: number, rxtx: number, cls: string): FlavorRecord => ({
  id,
  name,
  ram,
  disk,
  vcpus,
  swap: "",
  ephemeral,
  rxtxFactor: rxtx,
  extraSpecs: { class: cls, policy_class: cls === "standard1" ? "standard_flavor" : "performance_flavor", disk_io_index: "2", number_of_data_disks: ephemeral ? "1" : "0" },
});

export const FLAVORS: readonly FlavorRecord[] = [
  flavor("2", "512MB Standard Instance", 512, 20, 1, 0, 80, "standard1"),
  flavor("3", "1GB Standard Instance", 1024, 40, 1, 0, 120, "standard1"),
  flavor("4", "2GB Standard Instance", 2048, 80, 2, 0, 240, "standard1"),
  flavor("general1-1", "1 GB General Purpose v1", 1024, 20, 1, 0, 200, "general1"),
  flavor("general1-2", "2 GB General Purpose v1", 2048, 40, 2, 0, 400, "general1"),
  flavor("general1-4", "4 GB General Purpose v1", 4096, 80, 4, 0, 800, "general1"),
  flavor("performance1-1", "1 GB Performance", 1024, 20, 1, 0, 200, "performance1"),
  flavor("performance1-2", "2 GB Performance", 2048, 40, 2, 20, 400, "performance1"),
  flavor("performance1-4", "4 GB Performance", 4096, 40, 4, 40, 800, "performance1"),
  flavor("performance1-8", "8 GB Performance", 8192, 40, 8, 80, 1600, "performance1"),
  flavor("performance2-15", "15 GB Performance", 15360, 40, 4, 150, 1250, "performance2"),
  flavor("performance2-30", "30 GB Performance", 30720, 40, 8, 300, 2500, "performance2"),
  flavor("performance2-60", "60 GB Performance", 61440, 40, 16, 600, 5000, "performance2"),
  flavor("performance2-90", "90 GB Performance", 92160, 40, 24, 900, 7500, "performance2"),
  flavor("performance2-120", "120 GB Performance", 122880, 40, 32, 1200, 10000, "performance2"),
];

export interface BaseImage {
  id: string;
  name: string;
  minDisk: number;
  minRam: number;
  osType: "linux" | "windows";
}

export const BASE_IMAGES: readonly BaseImage[] = [
  { id: "5cc098a5-7286-4b96-b3a2-49f4c4f82537", name: "Ubuntu 14.04 LTS (Trusty Tahr)", minDisk: 20, minRam: 512, osType: "linux" },
  { id: "bb02b1a3-bc77-4d17-ab5b-421d89850fca", name: "Ubuntu 14.04 LTS (Trusty Tahr) (PVHVM)", minDisk: 20, minRam: 512, osType: "linux" },
  { id: "ffa476b1-9b14-46bd-99a8-862d1d94eb7a", name: "Ubuntu 12.04 LTS (Precise Pangolin)", minDisk: 20, minRam: 512, osType: "linux" },
  { id: "042395fc-728c-4763-86f9-9b0cacb00701", name: "CentOS 6.5", minDisk: 20, minRam: 512, osType: "linux" },
  { id: "592c879e-f37d-43e6-8b54-8c2d97cf04d4", name: "CentOS 6.5 (PVHVM)", minDisk: 20, minRam: 512, osType: "linux" },
  { id: "77e32de8-3304-44f3-b230-436d95fceb19", name: "Debian 7 (Wheezy) (PVHVM)", minDisk: 20, minRam: 512, osType: "linux" },
  { id: "e5d7ca78-a487-4d7e-9dd1-73165df3f9fd", name: "FreeBSD 10.0", minDisk: 20, minRam: 512, osType: "linux" },
  { id: "c21acd84-a6c5-44df-ba7d-2483cd5b3ccb", name: "Fedora 20 (Heisenbug) (PVHVM)", minDisk: 20, minRam: 512, osType: "linux" },
  { id: "c50f70fc-79ec-4c71-bd4a-a4ac8f1641e1", name: "Windows Server 2012", minDisk: 40, minRam: 1024, osType: "windows" },
  { id: "8f39aeb0-79d6-45eb-9505-fb0bf31556d7", name: "Windows Server 2008 R2 SP1", minDisk: 40, minRam: 1024, osType: "windows" },
];

/** Rackspace's pseudo networks: the public Internet and ServiceNet. */
export const PUBLIC_NET = "00000000-0000-0000-0000-000000000000";
export const SERVICE_NET = "11111111-1111-1111-1111-111111111111";

/** Absolute limits of a new Rackspace account (`GET /limits`). */
export const QUOTAS = {
  maxTotalInstances: 100,
  maxTotalCores: -1,
  maxTotalRAMSize: 131_072,
  maxServerMeta: 40,
  maxImageMeta: 40,
  maxPersonality: 5,
  maxPersonalitySize: 10_240,
  maxTotalKeypairs: 100,
  maxSecurityGroups: -1,
  maxSecurityGroupRules: -1,
  maxTotalFloatingIps: -1,
  maxServerGroups: 10,
  maxServerGroupMembers: 10,
} as const;
