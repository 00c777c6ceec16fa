import CounterWorkspace from '../../widgets/counter/CounterWorkspace';

/** 柜台: the teller's counter (call next, start, finish, the called customer's profile and suggestions). */
export default function CounterScreen() {
  return <CounterWorkspace />;
}
