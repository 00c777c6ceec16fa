import { useAppointmentInfo } from '../../api/appointments';
import { useIntents } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';

/**
 * A booked service's name in the UI's language ("大额取现" / "Large cash withdrawal"). A booking names the bookable
 * service (`large_cash`), not a triage intent, so the appointment settings are asked first; an intent of that key
 * next (tickets of a service since removed); the key itself only when neither knows it.
 */
export function useServiceName(): (key: string) => string {
  const bi = useBilingual();
  const appt = useAppointmentInfo();
  const intents = useIntents();
  return (key) => {
    const s =
      appt.data?.services.find((x) => x.key === key) ?? intents.data?.intents.find((x) => x.key === key);
    return s ? bi(s) : key;
  };
}
