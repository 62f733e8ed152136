'use client';

/**
 * A link that moves the flow: its address is where the machine would go on `event` (so it opens the
 * right page in a new tab or when copied), and a press sends the event to the machine, which moves
 * the address itself (flow-provider.tsx). The one way views write such a link.
 */
import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { formatPath } from '@/machines/flow/paths';
import { selectPositionAfter, type TFlowEvent } from '@/machines/flow/questionnaire.machine';
import { Flow } from './flow-provider';

type TFlowLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> & {
  event: TFlowEvent;
  /** Done just before the event is sent (the summary notes the row whose Change was pressed). */
  onFollow?: () => void;
  children: ReactNode;
};

export function FlowLink({ event, onFollow, children, ...anchor }: TFlowLinkProps) {
  const actor = Flow.useActorRef();
  const href = Flow.useSelector((s) => formatPath(selectPositionAfter(s, event)));
  return (
    <a
      {...anchor}
      href={href}
      onClick={(e) => {
        e.preventDefault();
        onFollow?.();
        actor.send(event);
      }}
    >
      {children}
    </a>
  );
}
