import { CdnState } from "./cdn/model";
import { Clock } from "./clock";
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

  constructor(defaultRegion: string) {
    this.users = new UserDirectory(defaultRegion);
    this.tokens = new TokenStore(this.clock);
    this.storage = new StorageState(() => this.clock.now());
  }
}
