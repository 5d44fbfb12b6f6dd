<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About %1</source>
            <translation>О программе %1</translation>
        </message>
        <message>
            <source>Review multilingual press releases: import, read, tag entities and events, confirm versions in other languages, export.</source>
            <translation>Работа с многоязычными пресс-релизами: импорт, чтение, разметка сущностей и событий, подтверждение версий на других языках, экспорт.</translation>
        </message>
        <message>
            <source>Free software under the MIT licence.</source>
            <translation>Свободное программное обеспечение под лицензией MIT.</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Сведения</translation>
        </message>
        <message>
            <source>Components</source>
            <translation>Компоненты</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>Скопировать сведения</translation>
        </message>
        <message>
            <source>Open log folder</source>
            <translation>Открыть папку журналов</translation>
        </message>
    </context>
    <context>
        <name>AlsoInLabel</name>
        <message>
            <source>Also in: {links}</source>
            <translation>Также в: {links}</translation>
        </message>
    </context>
    <context>
        <name>AnnotationController</name>
        <message>
            <source>Reviewer</source>
            <translation>Проверяющий</translation>
        </message>
        <message>
            <source>Your name, recorded with every tag you make:</source>
            <translation>Ваше имя, сохраняемое с каждой поставленной меткой:</translation>
        </message>
        <message>
            <source>&amp;Entities…</source>
            <translation>&amp;Сущности…</translation>
        </message>
        <message>
            <source>Annotation &amp;schema…</source>
            <translation>&amp;Схема разметки…</translation>
        </message>
        <message>
            <source>Review &amp;session summary</source>
            <translation>Итоги &amp;сеанса проверки</translation>
        </message>
        <message>
            <source>&amp;Reviewer name…</source>
            <translation>&amp;Имя проверяющего…</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Сочетания клавиш</translation>
        </message>
    </context>
    <context>
        <name>AnnotationWorkbench</name>
        <message>
            <source>Tags</source>
            <translation>Метки</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>События</translation>
        </message>
    </context>
    <context>
        <name>AppExtras</name>
        <message>
            <source>The demo corpus is not installed.</source>
            <translation>Демонстрационный корпус не установлен.</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Настройки…</translation>
        </message>
        <message>
            <source>Try the &amp;demo corpus</source>
            <translation>Попробовать &amp;демонстрационный корпус</translation>
        </message>
        <message>
            <source>&amp;Welcome screen…</source>
            <translation>&amp;Экран приветствия…</translation>
        </message>
    </context>
    <context>
        <name>Backups</name>
        <message>
            <source>Restore from backup</source>
            <translation>Восстановление из резервной копии</translation>
        </message>
        <message>
            <source>The database goes back to the chosen copy. Its current content is backed up first, so this can be undone by restoring that copy.</source>
            <translation>База данных вернётся к выбранной копии. Её текущее содержимое сначала сохраняется в резервную копию, поэтому восстановление можно отменить, восстановив эту копию.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Восстановить</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>&amp;Создать резервную копию</translation>
        </message>
        <message>
            <source>&amp;Restore from backup…</source>
            <translation>&amp;Восстановить из резервной копии…</translation>
        </message>
        <message>
            <source>The database is damaged</source>
            <translation>База данных повреждена</translation>
        </message>
        <message>
            <source>The check of this database found damage:
{0}

Restore it from a backup now? Nothing is changed unless you choose a backup.</source>
            <translation>Проверка базы данных обнаружила повреждение:
{0}

Восстановить её из резервной копии сейчас? Ничего не изменится, пока вы не выберете копию.</translation>
        </message>
        <message>
            <source>Backed up to {0}</source>
            <translation>Резервная копия сохранена: {0}</translation>
        </message>
        <message>
            <source>Wait for the running work to finish first.</source>
            <translation>Сначала дождитесь окончания текущей работы.</translation>
        </message>
        <message>
            <source>Restored from {0}</source>
            <translation>Восстановлено из {0}</translation>
        </message>
    </context>
    <context>
        <name>CheatSheetDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Сочетания клавиш</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Клавиша</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Действие</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Changed by someone else</source>
            <translation>Изменено другим рецензентом</translation>
        </message>
        <message>
            <source>Someone else deleted this record meanwhile. Nothing was overwritten; reload to see the current state.</source>
            <translation>Тем временем кто-то другой удалил эту запись. Ничего не перезаписано; перезагрузите, чтобы увидеть текущее состояние.</translation>
        </message>
        <message>
            <source>Someone else changed this record meanwhile, so your change was not saved. Nothing was overwritten; reload and decide again.</source>
            <translation>Тем временем кто-то другой изменил эту запись, поэтому ваше изменение не сохранено. Ничего не перезаписано; перезагрузите и решите заново.</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <source>Theirs (now)</source>
            <translation>Их значение (сейчас)</translation>
        </message>
        <message>
            <source>Yours</source>
            <translation>Ваше значение</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Перезагрузить</translation>
        </message>
    </context>
    <context>
        <name>ConflictModel</name>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Release</source>
            <translation>Релиз</translation>
        </message>
        <message>
            <source>Ours</source>
            <translation>Наше</translation>
        </message>
        <message>
            <source>Theirs</source>
            <translation>Их</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Кто</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Откуда</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <source>Merge conflicts</source>
            <translation>Конфликты слияния</translation>
        </message>
        <message>
            <source>Cannot resolve</source>
            <translation>Невозможно разрешить</translation>
        </message>
    </context>
    <context>
        <name>ConnectDialog</name>
        <message>
            <source>Connect to team server</source>
            <translation>Подключение к командному серверу</translation>
        </message>
        <message>
            <source>Remember the password in the system keyring</source>
            <translation>Запомнить пароль в системном хранилище ключей</translation>
        </message>
        <message>
            <source>&amp;Host:</source>
            <translation>&amp;Сервер:</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Порт:</translation>
        </message>
        <message>
            <source>&amp;Database:</source>
            <translation>&amp;База данных:</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>По&amp;льзователь:</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>Па&amp;роль:</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>Подключиться</translation>
        </message>
        <message>
            <source>The password is never written to the settings file.</source>
            <translation>Пароль никогда не записывается в файл настроек.</translation>
        </message>
        <message>
            <source>No system keyring is available: the password is asked each time and never written to disk.</source>
            <translation>Системное хранилище ключей недоступно: пароль запрашивается каждый раз и никогда не записывается на диск.</translation>
        </message>
        <message>
            <source>Enter the server's host name or address.</source>
            <translation>Введите имя или адрес сервера.</translation>
        </message>
        <message>
            <source>The host name cannot contain spaces or / @ ? #.</source>
            <translation>Имя сервера не может содержать пробелы и символы / @ ? #.</translation>
        </message>
        <message>
            <source>Enter the name of the database on the server.</source>
            <translation>Введите имя базы данных на сервере.</translation>
        </message>
        <message>
            <source>Enter your user name on the server.</source>
            <translation>Введите имя пользователя на сервере.</translation>
        </message>
    </context>
    <context>
        <name>CreateSpanCommand</name>
        <message>
            <source>Tag {text!r}</source>
            <translation>Метка {text!r}</translation>
        </message>
    </context>
    <context>
        <name>DatabaseMenu</name>
        <message>
            <source>New database</source>
            <translation>Новая база данных</translation>
        </message>
        <message>
            <source>{path} already exists; use Open database.</source>
            <translation>{path} уже существует; воспользуйтесь командой «Открыть базу данных».</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>Открыть базу данных</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(нет)</translation>
        </message>
        <message>
            <source>{location} no longer exists.</source>
            <translation>{location} больше не существует.</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesPanel</name>
        <message>
            <source>Versions and duplicates</source>
            <translation>Версии и дубликаты</translation>
        </message>
        <message>
            <source>Find versions</source>
            <translation>Найти версии</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>C confirm · X reject · U reopen · Enter open release A</source>
            <translation>C — подтвердить · X — отклонить · U — вернуть на рассмотрение · Enter — открыть релиз A</translation>
        </message>
        <message>
            <source>Finding versions…</source>
            <translation>Поиск версий…</translation>
        </message>
        <message>
            <source>Pair {pair_id}: {value}</source>
            <translation>Пара {pair_id}: {value}</translation>
        </message>
        <message>
            <source>Detection failed: {exc}</source>
            <translation>Поиск не удался: {exc}</translation>
        </message>
        <message>
            <source>Detection cancelled; nothing was changed.</source>
            <translation>Поиск отменён; ничего не изменено.</translation>
        </message>
    </context>
    <context>
        <name>EntityBrowser</name>
        <message>
            <source>Entities</source>
            <translation>Сущности</translation>
        </message>
        <message>
            <source>Search names and aliases in any script</source>
            <translation>Поиск по именам и вариантам написания в любой письменности</translation>
        </message>
        <message>
            <source>Add alias…</source>
            <translation>Добавить вариант написания…</translation>
        </message>
        <message>
            <source>Remove alias</source>
            <translation>Удалить вариант написания</translation>
        </message>
        <message>
            <source>Move alias to…</source>
            <translation>Перенести вариант написания в…</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>Переименовать…</translation>
        </message>
        <message>
            <source>Merge into…</source>
            <translation>Объединить с…</translation>
        </message>
        <message>
            <source>Aliases (any script):</source>
            <translation>Варианты написания (любая письменность):</translation>
        </message>
        <message>
            <source>Mentions across releases and languages:</source>
            <translation>Упоминания в релизах на разных языках:</translation>
        </message>
        <message>
            <source>No entity</source>
            <translation>Сущность не выбрана</translation>
        </message>
        <message>
            <source>{count} mentions in {languages}</source>
            <translation>Упоминаний: {count}, языки: {languages}</translation>
        </message>
        <message>
            <source>no release</source>
            <translation>нет релизов</translation>
        </message>
        <message>
            <source>Add alias</source>
            <translation>Добавить вариант написания</translation>
        </message>
        <message>
            <source>Alias (any script):</source>
            <translation>Вариант написания (любая письменность):</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Переименовать</translation>
        </message>
        <message>
            <source>Canonical name:</source>
            <translation>Основное имя:</translation>
        </message>
        <message>
            <source>Merge entities</source>
            <translation>Объединить сущности</translation>
        </message>
        <message>
            <source>Merge {canonical_name} into {canonical_name2}? Its aliases and {mention_count} move over (undo brings them back).</source>
            <translation>Объединить {canonical_name} с {canonical_name2}? Варианты написания и упоминания ({count}) будут перенесены (отмена вернёт их обратно).</translation>
        </message>
    </context>
    <context>
        <name>EventDialog</name>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>2023-03-01, 2023-03 or 2023</source>
            <translation>2023-03-01, 2023-03 или 2023</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Filled by</source>
            <translation>Участник</translation>
        </message>
        <message>
            <source>Add participant</source>
            <translation>Добавить участника</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Тип:</translation>
        </message>
        <message>
            <source>Trigger:</source>
            <translation>Триггер:</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>Дата:</translation>
        </message>
        <message>
            <source>Location:</source>
            <translation>Место:</translation>
        </message>
        <message>
            <source>Participants:</source>
            <translation>Участники:</translation>
        </message>
        <message>
            <source>Remove this participant</source>
            <translation>Удалить этого участника</translation>
        </message>
    </context>
    <context>
        <name>EventsPanel</name>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Место</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Версии</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>Новое…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Изменить…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Link versions…</source>
            <translation>Связать версии…</translation>
        </message>
        <message>
            <source>Unlink</source>
            <translation>Отвязать</translation>
        </message>
        <message>
            <source>{count} releases</source>
            <translation>релизов: {count}</translation>
        </message>
    </context>
    <context>
        <name>ExportActions</name>
        <message>
            <source>&amp;Export annotated releases…</source>
            <translation>&amp;Экспорт размеченных релизов…</translation>
        </message>
        <message>
            <source>Import &amp;annotations…</source>
            <translation>Импорт &amp;разметки…</translation>
        </message>
        <message>
            <source>Merge &amp;conflicts…</source>
            <translation>&amp;Конфликты слияния…</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export annotated releases</source>
            <translation>Экспорт размеченных релизов</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Экспорт</translation>
        </message>
        <message>
            <source>Format and destination</source>
            <translation>Формат и место сохранения</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Формат</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Обзор…</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>Сохранить в</translation>
        </message>
        <message>
            <source>CoNLL tags</source>
            <translation>Метки CoNLL</translation>
        </message>
        <message>
            <source>as predictions (pre-annotations)</source>
            <translation>как предсказания (предварительная разметка)</translation>
        </message>
        <message>
            <source>Label Studio</source>
            <translation>Label Studio</translation>
        </message>
        <message>
            <source>Which releases</source>
            <translation>Какие релизы</translation>
        </message>
        <message>
            <source>Review status</source>
            <translation>Статус проверки</translation>
        </message>
        <message>
            <source>Languages</source>
            <translation>Языки</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Источники</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>Даты</translation>
        </message>
        <message>
            <source>Has a tag</source>
            <translation>Есть метка</translation>
        </message>
        <message>
            <source>Mentions</source>
            <translation>Упоминания</translation>
        </message>
        <message>
            <source>only releases with versions</source>
            <translation>только релизы, у которых есть версии</translation>
        </message>
        <message>
            <source>Version groups</source>
            <translation>Группы версий</translation>
        </message>
        <message>
            <source>Export into an empty folder</source>
            <translation>Экспортировать в пустую папку</translation>
        </message>
        <message>
            <source>Export to file</source>
            <translation>Экспортировать в файл</translation>
        </message>
        <message>
            <source>{releases} and {pairs} selected</source>
            <translation>Выбрано релизов: {release_count}, пар дубликатов: {pair_count}</translation>
        </message>
        <message>
            <source>Choose where to save the export.</source>
            <translation>Выберите, куда сохранить экспорт.</translation>
        </message>
        <message>
            <source>Export failed: {exc}</source>
            <translation>Экспорт не удался: {exc}</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Отмена…</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Search title and text, any script…  (Ctrl+F)</source>
            <translation>Поиск по заголовку и тексту, любая письменность…  (Ctrl+F)</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Очистить</translation>
        </message>
        <message>
            <source>Clear every filter and the search</source>
            <translation>Сбросить все фильтры и поиск</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>A year, a month (YYYY-MM) or a day (YYYY-MM-DD); inclusive</source>
            <translation>Год, месяц (ГГГГ-ММ) или день (ГГГГ-ММ-ДД), включительно</translation>
        </message>
    </context>
    <context>
        <name>ImportFlow</name>
        <message>
            <source>An import is already running.</source>
            <translation>Импорт уже выполняется.</translation>
        </message>
        <message>
            <source>Import releases</source>
            <translation>Импорт релизов</translation>
        </message>
        <message>
            <source>Import a folder of releases</source>
            <translation>Импорт папки с релизами</translation>
        </message>
    </context>
    <context>
        <name>ImportProgressDialog</name>
        <message>
            <source>Importing releases</source>
            <translation>Импорт релизов</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Looking for files…</source>
            <translation>Поиск файлов…</translation>
        </message>
        <message>
            <source>{done} of {total} files</source>
            <translation>Файлов: {done} из {total}</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <source>Files that were not imported:</source>
            <translation>Файлы, которые не были импортированы:</translation>
        </message>
    </context>
    <context>
        <name>LinkEntityDialog</name>
        <message>
            <source>Name or alias, in any script</source>
            <translation>Имя или вариант написания, в любой письменности</translation>
        </message>
        <message>
            <source>Or create a new entity</source>
            <translation>Или создайте новую сущность</translation>
        </message>
        <message>
            <source>Create and link</source>
            <translation>Создать и связать</translation>
        </message>
        <message>
            <source>Canonical name:</source>
            <translation>Основное имя:</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Тип:</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Связать</translation>
        </message>
        <message>
            <source>matched {matched_alias!r}, score {score:.0f}</source>
            <translation>совпадение {matched_alias!r}, оценка {score:.0f}</translation>
        </message>
        <message>
            <source>{hits} entities found</source>
            <translation>Найдено сущностей: {hits}</translation>
        </message>
        <message>
            <source>No entity found: create one below.</source>
            <translation>Сущность не найдена: создайте её ниже.</translation>
        </message>
        <message>
            <source>Choose an entity in the list, or create a new one.</source>
            <translation>Выберите сущность в списке или создайте новую.</translation>
        </message>
        <message>
            <source>The new entity needs a name.</source>
            <translation>У новой сущности должно быть имя.</translation>
        </message>
    </context>
    <context>
        <name>LinkEventsDialog</name>
        <message>
            <source>Link the same event across releases</source>
            <translation>Связать одно и то же событие в разных релизах</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Правка</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>&amp;Review</source>
            <translation>&amp;Проверка</translation>
        </message>
        <message>
            <source>&amp;Annotate</source>
            <translation>&amp;Разметка</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Инструменты</translation>
        </message>
        <message>
            <source>Wait for the import to finish before opening another database.</source>
            <translation>Дождитесь окончания импорта, прежде чем открывать другую базу данных.</translation>
        </message>
        <message>
            <source>&amp;New database…</source>
            <translation>&amp;Новая база данных…</translation>
        </message>
        <message>
            <source>&amp;Open database…</source>
            <translation>&amp;Открыть базу данных…</translation>
        </message>
        <message>
            <source>&amp;Recent databases</source>
            <translation>&amp;Недавние базы данных</translation>
        </message>
        <message>
            <source>&amp;Import files…</source>
            <translation>&amp;Импорт файлов…</translation>
        </message>
        <message>
            <source>Import &amp;folder…</source>
            <translation>Импорт &amp;папки…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>В&amp;ыход</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Отменить</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Повторить</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Найти…</translation>
        </message>
        <message>
            <source>Clear &amp;filters</source>
            <translation>Сбросить &amp;фильтры</translation>
        </message>
        <message>
            <source>Mark {label}</source>
            <translation>Отметить: {label}</translation>
        </message>
        <message>
            <source>&amp;Next release</source>
            <translation>&amp;Следующий релиз</translation>
        </message>
        <message>
            <source>&amp;Previous release</source>
            <translation>&amp;Предыдущий релиз</translation>
        </message>
        <message>
            <source>Go to the &amp;list</source>
            <translation>Перейти к &amp;списку</translation>
        </message>
        <message>
            <source>Go to the &amp;text</source>
            <translation>Перейти к &amp;тексту</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>&amp;About Release Review</source>
            <translation>&amp;О программе Release Review</translation>
        </message>
        <message>
            <source>{shown:,} releases</source>
            <translation>Релизов: {shown:,}</translation>
        </message>
        <message>
            <source>{shown:,} of {total:,} releases</source>
            <translation>Релизов: {shown:,} из {total:,}</translation>
        </message>
        <message>
            <source>An import is running. Stop it and quit? Files imported so far are kept; importing the same files again completes it.</source>
            <translation>Идёт импорт. Остановить его и выйти? Уже импортированные файлы сохранятся; повторный импорт тех же файлов завершит работу.</translation>
        </message>
    </context>
    <context>
        <name>MenuActions</name>
        <message>
            <source>Change type</source>
            <translation>Изменить тип</translation>
        </message>
        <message>
            <source>Link to entity…	Ctrl+K</source>
            <translation>Связать с сущностью…	Ctrl+K</translation>
        </message>
        <message>
            <source>New entity from this tag</source>
            <translation>Новая сущность из этой метки</translation>
        </message>
        <message>
            <source>Unlink</source>
            <translation>Отвязать</translation>
        </message>
        <message>
            <source>New event with this trigger…</source>
            <translation>Новое событие с этим триггером…</translation>
        </message>
        <message>
            <source>Delete tag	Del</source>
            <translation>Удалить метку	Del</translation>
        </message>
        <message>
            <source>Tag as</source>
            <translation>Пометить как</translation>
        </message>
        <message>
            <source>New entity from selection	Ctrl+Shift+K</source>
            <translation>Новая сущность из выделения	Ctrl+Shift+K</translation>
        </message>
        <message>
            <source>New event from selection</source>
            <translation>Новое событие из выделения</translation>
        </message>
        <message>
            <source>Tag “{text}”</source>
            <translation>Пометить «{text}»</translation>
        </message>
        <message>
            <source>Accept suggestion “{text}”	A</source>
            <translation>Принять предложение «{text}»	A</translation>
        </message>
        <message>
            <source>Reject suggestion	R</source>
            <translation>Отклонить предложение	R</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Копировать</translation>
        </message>
        <message>
            <source>Keyboard shortcuts…	F1</source>
            <translation>Сочетания клавиш…	F1</translation>
        </message>
    </context>
    <context>
        <name>PairStatus</name>
        <message>
            <source>candidate</source>
            <translation>кандидат</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>подтверждено</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>отклонено</translation>
        </message>
    </context>
    <context>
        <name>PairTableModel</name>
        <message>
            <source>Score</source>
            <translation>Оценка</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Languages</source>
            <translation>Языки</translation>
        </message>
        <message>
            <source>Release A</source>
            <translation>Релиз A</translation>
        </message>
        <message>
            <source>Release B</source>
            <translation>Релиз B</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Обоснование</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Группа</translation>
        </message>
        <message>
            <source>exact copy</source>
            <translation>точная копия</translation>
        </message>
        <message>
            <source>near-duplicate</source>
            <translation>почти дубликат</translation>
        </message>
        <message>
            <source>other language</source>
            <translation>другой язык</translation>
        </message>
    </context>
    <context>
        <name>Palette</name>
        <message>
            <source>Same as the system</source>
            <translation>Как в системе</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Светлое</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Тёмное</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>Настройки</translation>
        </message>
        <message>
            <source>Same as the system</source>
            <translation>Как в системе</translation>
        </message>
        <message>
            <source>The new language is used from the next start.</source>
            <translation>Новый язык будет применён при следующем запуске.</translation>
        </message>
        <message>
            <source>Recorded with your review work</source>
            <translation>Сохраняется вместе с вашей работой</translation>
        </message>
        <message>
            <source>Appearance:</source>
            <translation>Оформление:</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Язык:</translation>
        </message>
        <message>
            <source>Your name:</source>
            <translation>Ваше имя:</translation>
        </message>
    </context>
    <context>
        <name>ReaderPane</name>
        <message>
            <source>No release selected</source>
            <translation>Релиз не выбран</translation>
        </message>
        <message>
            <source>Select a release in the list to read it here.</source>
            <translation>Выберите релиз в списке, чтобы прочитать его здесь.</translation>
        </message>
        <message>
            <source>, confidence {confidence:.0%}</source>
            <translation>, уверенность {confidence:.0%}</translation>
        </message>
        <message>
            <source>{count} search hit</source>
            <translation>Совпадений: {count}</translation>
        </message>
        <message>
            <source>{count} search hits</source>
            <translation>Совпадений: {count}</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Источник</translation>
        </message>
        <message>
            <source>Dateline</source>
            <translation>Место и дата</translation>
        </message>
        <message>
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Идентификатор</translation>
        </message>
    </context>
    <context>
        <name>ReleaseTableModel</name>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Lang</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Заголовок</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Источник</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Метки</translation>
        </message>
        <message>
            <source>Dups</source>
            <translation>Дубл.</translation>
        </message>
        <message>
            <source>Held by</source>
            <translation>Кем занят</translation>
        </message>
    </context>
    <context>
        <name>ReviewStatus</name>
        <message>
            <source>new</source>
            <translation>новый</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>в работе</translation>
        </message>
        <message>
            <source>done</source>
            <translation>готово</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>пропущен</translation>
        </message>
    </context>
    <context>
        <name>SchemaDialog</name>
        <message>
            <source>Annotation schema</source>
            <translation>Схема разметки</translation>
        </message>
        <message>
            <source>Entity types</source>
            <translation>Типы сущностей</translation>
        </message>
        <message>
            <source>Event types</source>
            <translation>Типы событий</translation>
        </message>
    </context>
    <context>
        <name>SessionSummaryDialog</name>
        <message>
            <source>Review session</source>
            <translation>Сеанс проверки</translation>
        </message>
    </context>
    <context>
        <name>TagsModel</name>
        <message>
            <source>Text</source>
            <translation>Текст</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Entity</source>
            <translation>Сущность</translation>
        </message>
        <message>
            <source>Offsets</source>
            <translation>Позиции</translation>
        </message>
    </context>
    <context>
        <name>TagsPanel</name>
        <message>
            <source>Delete tag</source>
            <translation>Удалить метку</translation>
        </message>
        <message>
            <source>{count} tags, {linked} linked</source>
            <translation>Меток: {count}, связано: {linked}</translation>
        </message>
        <message>
            <source>, {count} suggestions</source>
            <translation>, предложений: {count}</translation>
        </message>
    </context>
    <context>
        <name>TeamActions</name>
        <message>
            <source>Connect to &amp;server…</source>
            <translation>Подключиться к &amp;серверу…</translation>
        </message>
        <message>
            <source>&amp;Take next release</source>
            <translation>&amp;Взять следующий пресс-релиз</translation>
        </message>
        <message>
            <source>Hold the next open release nobody else holds</source>
            <translation>Занять следующий открытый пресс-релиз, который никем не занят</translation>
        </message>
        <message>
            <source>Release &amp;my holds</source>
            <translation>&amp;Освободить мои пресс-релизы</translation>
        </message>
        <message>
            <source>No open release is left that nobody else holds.</source>
            <translation>Не осталось открытых пресс-релизов, которые никем не заняты.</translation>
        </message>
        <message>
            <source>You hold release {id}.</source>
            <translation>Пресс-релиз {id} закреплён за вами.</translation>
        </message>
        <message>
            <source>Released {count} hold(s).</source>
            <translation>Освобождено пресс-релизов: {count}.</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to %1</source>
            <translation>Добро пожаловать в %1</translation>
        </message>
        <message>
            <source>This database is empty. Every change you make is saved at once; there is no Save button to forget.</source>
            <translation>Эта база данных пуста. Каждое изменение сохраняется сразу — не нужно помнить о кнопке «Сохранить».</translation>
        </message>
        <message>
            <source>Import a folder…</source>
            <translation>Импортировать папку…</translation>
        </message>
        <message>
            <source>Add the press releases in a folder and its sub-folders (text, HTML, JSONL, CSV).</source>
            <translation>Добавить пресс-релизы из папки и её подпапок (текст, HTML, JSONL, CSV).</translation>
        </message>
        <message>
            <source>Open a database…</source>
            <translation>Открыть базу данных…</translation>
        </message>
        <message>
            <source>Continue with a Release Review database file you already have.</source>
            <translation>Продолжить работу с уже существующим файлом базы данных Release Review.</translation>
        </message>
        <message>
            <source>Try the demo corpus</source>
            <translation>Попробовать демонстрационный корпус</translation>
        </message>
        <message>
            <source>Import a few sample releases in French, Azerbaijani, Russian and English, with translations and re-posts to find.</source>
            <translation>Импортировать несколько примеров релизов на французском, азербайджанском, русском и английском языках — с переводами и перепечатками, которые предстоит найти.</translation>
        </message>
        <message>
            <source>e.g. Leyla Mammadova</source>
            <translation>например, Лейла Мамедова</translation>
        </message>
        <message>
            <source>Your name (recorded with your review work):</source>
            <translation>Ваше имя (сохраняется вместе с вашей работой):</translation>
        </message>
        <message>
            <source>Start with an empty database</source>
            <translation>Начать с пустой базы данных</translation>
        </message>
    </context>
    <context>
        <name>_TypeTable</name>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Цвет</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Клавиша</translation>
        </message>
        <message>
            <source>Roles (comma-separated)</source>
            <translation>Роли (через запятую)</translation>
        </message>
        <message>
            <source>Add type</source>
            <translation>Добавить тип</translation>
        </message>
        <message>
            <source>Remove type</source>
            <translation>Удалить тип</translation>
        </message>
    </context>
    <context>
        <name>conflicts_dialog</name>
        <message>
            <source>Import annotations</source>
            <translation>Импорт разметки</translation>
        </message>
        <message>
            <source>Release Review export (*.jsonl);;All files (*)</source>
            <translation>Экспорт Release Review (*.jsonl);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Checking the file…</source>
            <translation>Проверка файла…</translation>
        </message>
        <message>
            <source>Importing annotations</source>
            <translation>Импорт разметки</translation>
        </message>
        <message>
            <source>Resolve conflicts…</source>
            <translation>Разрешить конфликты…</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Unexpected error</source>
            <translation>Непредвиденная ошибка</translation>
        </message>
    </context>
    <context>
        <name>mount</name>
        <message>
            <source>Tags</source>
            <translation>Метки</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>События</translation>
        </message>
        <message>
            <source>Accept all suggestions</source>
            <translation>Принять все предложения</translation>
        </message>
        <message>
            <source>Reject all suggestions</source>
            <translation>Отклонить все предложения</translation>
        </message>
        <message>
            <source>Next release without tags</source>
            <translation>Следующий релиз без меток</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Версии</translation>
        </message>
        <message>
            <source>Find &amp;versions of all releases</source>
            <translation>Найти &amp;версии всех релизов</translation>
        </message>
        <message>
            <source>Show the versions &amp;panel</source>
            <translation>Показать &amp;панель версий</translation>
        </message>
    </context>
    <context>
        <name>small_dialogs</name>
        <message>
            <source>Your name</source>
            <translation>Ваше имя</translation>
        </message>
        <message>
            <source>Your name is recorded with every tag you make (asked once):</source>
            <translation>Ваше имя сохраняется с каждой поставленной меткой (спрашивается один раз):</translation>
        </message>
    </context>
</TS>
