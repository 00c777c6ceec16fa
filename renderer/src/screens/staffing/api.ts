import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '@shared/api/routes';
import type { StaffingApplyInput, StaffingPatternInput } from '@shared/api/staffing';
import { call } from '../../api/client';

export const useStaffingDays = () =>
  useQuery({ queryKey: ['staffing', 'days'], queryFn: () => call(routes.staffing.days) });

export const usePattern = () =>
  useMutation({ mutationFn: (body: StaffingPatternInput) => call(routes.staffing.pattern, { body }) });

export function useApplyPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffingApplyInput) => call(routes.staffing.apply, { body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['staffing'] });
      void qc.invalidateQueries({ queryKey: ['settings'] });
    },
  });
}
