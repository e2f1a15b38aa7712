/** What the profile commands need from the rest of the editor (built once by the composition root). */
import type { CommandDeps } from '../commands/deps';
import type { Connections, Privacy } from '../services';
import type { CredentialStore } from './credentials';
import type { ProfileService } from './profileService';

export interface ProfileCommandDeps {
  readonly commands: CommandDeps;
  readonly profiles: ProfileService;
  readonly credentials: CredentialStore;
  readonly privacy: Privacy;
  readonly connections: Connections;
}
