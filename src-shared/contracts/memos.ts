// Channels of this feature (see contracts/index.ts for how they are merged).
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import { z } from 'zod';
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import { channel } from './channel.ts';

export const memosChannels = {};
