import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { routes } from '@shared/api/routes';
import type { FeedbackLevel } from '@shared/feedback/config';
import { call, messageOf } from '../../api/client';
import type { Marks } from './pad-flow';
import { AskView, DetailsView, ThanksView } from './PadViews';
import './rate.css';
import './text';

/**
 * /survey/:token — the short web survey behind the QR on the ticket slip, for a customer who left before the pad
 * asked: the same answers and dimensions, stored like the pad's, once per visit. The signed token is the only key.
 */
export default function SurveyScreen() {
  const { t, i18n } = useTranslation();
  const token = useParams().token ?? '';
  const zh = i18n.language.startsWith('zh');
  const view = useQuery({
    queryKey: ['survey', token],
    queryFn: () => call(routes.feedback.survey, { params: { token } }),
    retry: false,
  });
  const [level, setLevel] = useState<FeedbackLevel | null>(null);
  const [marks, setMarks] = useState<Marks>({});
  const send = useMutation({
    mutationFn: () =>
      call(routes.feedback.surveyAnswer, {
        params: { token },
        body: { level: level ?? 'satisfied', dimensions: marks },
      }),
  });
  const mark = (key: string, m: 'good' | 'poor') =>
    setMarks((cur) => {
      const next = { ...cur };
      if (next[key] === m) delete next[key];
      else next[key] = m;
      return next;
    });

  let body;
  if (view.error) body = <div className="pad__banner">{messageOf(view.error, i18n.language)}</div>;
  else if (!view.data) body = <div className="pad__banner">{t('pad.connecting')}</div>;
  else if (send.isSuccess || view.data.rated) body = <ThanksView refused={false} />;
  else
    body = (
      <>
        <AskView
          prompt={zh ? view.data.prompt.zh : view.data.prompt.en}
          displayNo={view.data.displayNo}
          secondsLeft={null}
          selected={level}
          onTap={setLevel}
        />
        {level && (
          <DetailsView
            dimensions={view.data.dimensions}
            marks={marks}
            lang={i18n.language}
            sending={send.isPending}
            onMark={mark}
            onSend={() => send.mutate()}
          />
        )}
        {send.error && <div className="pad__banner">{messageOf(send.error, i18n.language)}</div>}
      </>
    );
  return (
    <div className="pad" data-testid="survey">
      <header className="pad__header">
        <span>
          {view.data
            ? `${view.data.branchName}${view.data.counterName ? ` · ${view.data.counterName}` : ''}`
            : ''}
        </span>
      </header>
      <main className={`pad__main ${level ? 'pad__main--details' : ''}`}>{body}</main>
    </div>
  );
}
