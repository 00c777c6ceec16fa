import CounterWorkspace from '../../widgets/counter/CounterWorkspace';
import { MyFollowUpsCard } from './MyFollowUpsCard';
import { VipTodayCard } from './VipTodayCard';
import { ArrivalsCard } from '../../widgets/outreach/ArrivalsCard';
import './vip.css';

/**
 * 贵宾室: the relationship manager's counter (call next, start, finish — the counter's own screen, limited to
 * VIP-room service points) with today's VIP walk-ins and the RM's follow-ups beside it.
 */
export default function VipScreen() {
  return (
    <div className="vip" data-testid="vip">
      <CounterWorkspace
        channel="vip"
        aside={(live) => (
          <>
            <ArrivalsCard liveAt={live.at} />
            <VipTodayCard liveAt={live.at} />
            <MyFollowUpsCard />
          </>
        )}
      />
    </div>
  );
}
