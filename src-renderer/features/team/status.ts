// Whether the open project is a coder copy (and its codebook locked): the
// toolbar badge and the codebook's disabled restructuring read this. It is
// refetched whenever another project opens (the 'project' tag).
import { useQuery } from '@tanstack/react-query';
import { call } from '../../bridge.ts';

export const teamStatusKey = ['project', 'team'] as const;

export const useTeamStatus = () => useQuery({ queryKey: teamStatusKey, queryFn: () => call('team.status', {}), staleTime: Infinity });

/** True in a coder copy whose codebook the lead locked (the service refuses codebook changes there). */
export const useCodebookLocked = () => useTeamStatus().data?.copy?.lockCodebook === true;
