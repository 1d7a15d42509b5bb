import { SourceList } from './SourceList.tsx';
import { ParticipantList } from './ParticipantList.tsx';
import { CodebookTree } from './CodebookTree.tsx';

export function Navigator() {
  return (
    <div className="navigator">
      <SourceList />
      <ParticipantList />
      <CodebookTree />
    </div>
  );
}
