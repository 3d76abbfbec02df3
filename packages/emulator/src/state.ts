import { CdnState } from "./cdn/model";
import { Clock } from "./clock";
import { ApplicationCredentialStore } from "./identity/application-credential-store";
import { TokenStore } from "./identity/tokens";
import { UserDirectory } from "./identity/users";
import { StorageState } from "./object-store/model";

/** Everything the emulator remembers; tests may read and poke it directly. */
export class EmulatorState {
  readonly clock = new Clock();
  readonly users: UserDirectory;
  readonly tokens: TokenStore;
  readonly storage: StorageState;
  readonly cdn = new CdnState();
  /** Keystone v3 application credentials, by id. */
  readonly applicationCredentials: ApplicationCredentialStore;

  constructor(defaultRegion: string) {
    this.users = new UserDirectory(defaultRegion);
    this.tokens = new TokenStore(this.clock);
    this.applicationCredentials = new ApplicationCredentialStore(this.clock, this.tokens);
    this.storage = new StorageState(() => this.clock.now());
  }
}
