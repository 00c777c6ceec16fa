/** The ticket slip's print view in its own small window (it prints itself): the lobby and the floor open it. */
export function openTicketPrint(ticketId: string): void {
  window.open(`/ticket/${encodeURIComponent(ticketId)}/print`, `ticket-${ticketId}`, 'width=420,height=680');
}
